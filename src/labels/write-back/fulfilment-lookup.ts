/** Finding the label's fulfilment in a sale read with `GET /sale?ID=` (dear.md §2.2, §3.1). */
import type { DearFulfilment, DearSale } from '../../upstream/dear/dear.types';
import { DearWriteBackError } from './write-back.errors';

/**
 * By `TaskID`, compared without case (DEAR writes GUIDs in both cases, §1.9). A simple sale has
 * one fulfilment whose TaskID may equal the sale id (§3.1); an empty id is accepted for it.
 */
export function findFulfilment(sale: DearSale, taskId: string): DearFulfilment {
  const wanted = taskId.trim().toLowerCase();
  const fulfilments = sale.Fulfilments ?? [];
  const found = wanted ? fulfilments.find((f) => f.TaskID.toLowerCase() === wanted) : fulfilments.length === 1 ? fulfilments[0] : undefined;
  if (!found) {
    throw new DearWriteBackError('dear_fulfilment_not_found', `Sale ${sale.ID} has no fulfilment ${taskId || '(none given)'}; it has ${fulfilments.map((f) => f.TaskID).join(', ') || 'none'}.`);
  }
  return found;
}

/** A voided sale, fulfilment or ship stage takes no shipment (§4.1, §4.2). */
export function assertNotVoided(sale: DearSale, f: DearFulfilment): void {
  const voided = [sale.Status, f.FulFilmentStatus, f.Ship?.Status].some((s) => (s ?? '').toUpperCase() === 'VOIDED');
  if (voided) throw new DearWriteBackError('dear_sale_voided', `Sale ${sale.ID} (fulfilment ${f.TaskID}) is voided in DEAR; the shipment cannot be recorded.`);
}
