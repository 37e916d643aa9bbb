/**
 * Sales for the labels burst: copies of the seed's packed one-box simple sale
 * (SEED.saleIds.packedOneBox), each with its own identity, added to the DEAR simulator's state.
 *
 * What the simulator and the write-back rely on (src/sandbox/dear/dear-seed.ts, dear-context.ts,
 * dear-fulfilment.ts): a sale is found by `ID` (any case); a simple sale has exactly one
 * fulfilment whose `TaskID` equals the sale id, and ship writes find their sale by that TaskID;
 * the pack stage must be AUTHORISED with boxed lines and the ship stage empty (NOT AVAILABLE) so
 * the label's ship line is the first one. Everything else (customer, address, lines, products,
 * prepayment) is copied as is; payment ids are renewed so no two sales share one.
 */
import { randomUUID } from 'node:crypto';
import type { DearState } from '../../src/sandbox/dear/dear-simulator';
import { SEED } from '../../src/sandbox/dear/dear-simulator';

type Sale = DearState['sales'][number];

/** Adds `count` packed one-box sales to `state`; returns their ids in creation order. */
export function addPackedOneBoxSales(state: DearState, count: number, now = new Date()): string[] {
  const template = state.sales.find((s) => s.ID === SEED.saleIds.packedOneBox);
  if (!template) throw new Error(`the DEAR simulator has no seed sale packedOneBox (${SEED.saleIds.packedOneBox}); was it started with seed: false?`);
  assertTemplate(template);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const sale = structuredClone(template);
    const id = randomUUID();
    sale.ID = id;
    sale.OrderNumber = `SO-${String(state.counters.order++).padStart(5, '0')}`;
    sale.CustomerReference = `bench-labels-${i + 1}`;
    sale.Created = new Date(now.getTime() - 3_600_000);
    sale.Updated = new Date(now.getTime() + i); // strictly increasing, as the simulator keeps it
    // Simple sale: the one fulfilment's TaskID is the sale id (dear.md §3.1).
    sale.Fulfilments[0].TaskID = id;
    for (const p of sale.Quote.Prepayments) p.ID = randomUUID();
    for (const inv of sale.Invoices) inv.TaskID = id;
    state.sales.push(sale);
    ids.push(id);
  }
  return ids;
}

function assertTemplate(s: Sale): void {
  const f = s.Fulfilments;
  const ok = s.Type === 'Simple Sale'
    && f.length === 1
    && f[0].TaskID === s.ID
    && f[0].Pack.Status === 'AUTHORISED'
    && f[0].Pack.Lines.length > 0
    && new Set(f[0].Pack.Lines.map((l) => l.Box)).size === 1
    && f[0].Ship.Lines.length === 0;
  if (!ok) throw new Error('the seed sale packedOneBox is no longer a packed one-box simple sale with an empty ship stage; bench/support/labels-sales.ts needs another template');
}
