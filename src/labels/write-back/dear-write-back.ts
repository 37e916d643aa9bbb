/**
 * Recording a bought label in DEAR, exactly once (SPEC §5 "Write-back to DEAR", App. A
 * "Write-back details"). The labels worker calls {@link DearWriteBack.record} from its outbox job
 * and may call it again after a crash at any point; every step therefore starts from what DEAR
 * holds now (one `GET /sale?ID=`, which carries the fulfilments, ship lines, invoices and order,
 * dear.md §2.2) and writes only what is missing:
 *
 * - ship line: present when a line carries the tracking number (→ no write);
 * - buyer notes: present when `ShippingNotes` contains them (sent in the same ship write);
 * - freight: present when a charge's `Comment` carries the tracking number.
 *
 * A re-run after success costs one read and no write.
 */
import type { Minor } from '../../common/money/money';
import type { DearClient } from '../../upstream/dear/dear.client';
import type { DearFulfilment, DearShipLineWrite } from '../../upstream/dear/dear.types';
import { FreightChargeWriter, type FreightMode } from './freight-charge';
import { assertNotVoided, findFulfilment } from './fulfilment-lookup';
import { ShipLineWriter } from './ship-line-writer';
import { BOX_SEPARATOR, dearShipmentDate, lineHasTracking, packedBoxes, targetBoxes } from './ship-lines';
import type { NotesOutcome } from './ship-write-plan';
import { type SaleNoteWriter, VoidCorrection, type VoidInput, type VoidOutcome } from './void-correction';
import { DearPackNotAuthorisedError, DearWriteBackError } from './write-back.errors';

export interface ShipmentRecord {
  saleId: string;
  fulfilmentTaskId: string;
  /** Box name from DEAR pack lines; null/undefined = the whole fulfilment (every packed box). */
  box?: string | null;
  /** DEAR carrier name (see carrier-names.ts). */
  carrierName: string;
  trackingNumber: string;
  /** See tracking-urls.ts; `''` when unknown. */
  trackingUrl: string;
  /** Written as the UTC calendar day (`ShipmentDate` is date-only, dear.md §1.8). */
  shipDate: Date;
  /** Carrier fee, minor units. */
  shippingCost: Minor;
  currency: string;
  freight?: { mode: FreightMode; productName: string };
  notesToBuyer?: string | null;
  /** ShipStation service name; DEAR ship lines have no service field, so it goes in the freight charge's comment. */
  serviceName?: string | null;
}

export interface WriteBackOutcome {
  shipLine: 'added' | 'already_present';
  shipStatus: string;
  freight: 'added' | 'already_present' | 'skipped' | 'not_configured';
  freightNote?: string;
  /** Buyer notes on the ship stage's ShippingNotes; `no_room` when the 1024-character field is full. */
  notes: NotesOutcome;
}

export interface DearWriteBackOptions {
  /** Writes the sale's `Note` for void notes (`PUT /sale`, dear.md §2.6); without it they go to ShippingNotes. */
  saleNote?: SaleNoteWriter;
}

export class DearWriteBack {
  private readonly ships: ShipLineWriter;
  private readonly freight: FreightChargeWriter;
  private readonly voids: VoidCorrection;

  constructor(
    private readonly dear: DearClient,
    options: DearWriteBackOptions = {},
  ) {
    this.ships = new ShipLineWriter(dear);
    this.freight = new FreightChargeWriter(dear);
    this.voids = new VoidCorrection(dear, options.saleNote);
  }

  /**
   * Records the shipment; idempotent. Throws {@link DearWriteBackError} (422, permanent: e.g.
   * `dear_pack_not_authorised`) when DEAR's state does not allow it, and `UpstreamError` when DEAR
   * fails or refuses (transient kinds are worth a retry by the job).
   */
  async record(rec: ShipmentRecord): Promise<WriteBackOutcome> {
    const trackingNumber = rec.trackingNumber.trim();
    if (!trackingNumber) throw new DearWriteBackError('dear_write_not_applied', 'A shipment without a tracking number cannot be recorded idempotently.');
    const sale = await this.dear.sale(rec.saleId);
    const fulfilment = findFulfilment(sale, rec.fulfilmentTaskId);
    const present = (fulfilment.Ship?.Lines ?? []).some((l) => lineHasTracking(l, trackingNumber));
    if (!present) {
      // Already recorded means done, even if the sale changed since; otherwise DEAR's rules apply.
      assertNotVoided(sale, fulfilment);
      assertShippable(sale.ID, fulfilment);
    }

    const boxes = present ? [] : boxesFor(fulfilment, rec.box);
    const line: DearShipLineWrite = {
      ShipmentDate: dearShipmentDate(rec.shipDate),
      Carrier: rec.carrierName,
      Box: boxes.join(BOX_SEPARATOR),
      TrackingNumber: trackingNumber,
      TrackingURL: rec.trackingUrl,
      IsShipped: true,
    };
    const ship = await this.ships.apply({ fulfilment, boxes, line, trackingNumber, notesToBuyer: rec.notesToBuyer });
    const freight = await this.freight.apply({
      sale,
      fulfilment,
      trackingNumber,
      shippingCost: rec.shippingCost,
      currency: rec.currency,
      freight: rec.freight,
      serviceName: rec.serviceName,
    });
    return { shipLine: ship.shipLine, shipStatus: ship.shipStatus, ...freight, notes: ship.notes };
  }

  /** Removes (or notes) a voided label's tracking in DEAR; idempotent. See void-correction.ts. */
  async correctVoid(rec: VoidInput): Promise<VoidOutcome> {
    return this.voids.apply(rec);
  }
}

/** DEAR refuses ship writes before pack is authorised (§3.4); say so with our own code. */
function assertShippable(saleId: string, f: DearFulfilment): void {
  const status = f.Pack?.Status ?? 'NOT AVAILABLE';
  if (status.toUpperCase() !== 'AUTHORISED') throw new DearPackNotAuthorisedError(saleId, f.TaskID, status);
}

function boxesFor(f: DearFulfilment, box: string | null | undefined): string[] {
  const boxes = targetBoxes(f, box);
  if (!boxes || boxes.length === 0) {
    const packed = packedBoxes(f);
    throw new DearWriteBackError('dear_box_not_packed', box
      ? `Box '${box}' is not on the pack stage of fulfilment ${f.TaskID} (packed: ${packed.join(', ') || 'none'}).`
      : `The pack stage of fulfilment ${f.TaskID} has no boxes.`);
  }
  return boxes;
}
