/**
 * Sends the ship-stage write planned by {@link planShipWrite} and confirms it from DEAR's answer.
 */
import type { DearClient } from '../../upstream/dear/dear.client';
import type { DearShipTask } from '../../upstream/dear/dear.types';
import { UpstreamError } from '../../upstream/upstream.errors';
import { lineHasTracking } from './ship-lines';
import { type NotesOutcome, planShipWrite, type ShipWriteInput } from './ship-write-plan';
import { DearWriteBackError } from './write-back.errors';

export interface ShipLineResult {
  shipLine: 'added' | 'already_present';
  shipStatus: string;
  notes: NotesOutcome;
}

export class ShipLineWriter {
  constructor(private readonly dear: DearClient) {}

  async apply(input: ShipWriteInput): Promise<ShipLineResult> {
    const plan = planShipWrite(input);
    const shipLine = plan.linePresent ? 'already_present' : 'added';
    if (plan.kind === 'none') return { shipLine, shipStatus: input.fulfilment.Ship.Status, notes: plan.notes };

    let answer: DearShipTask;
    try {
      answer = plan.kind === 'post' ? await this.dear.postShip(plan.body) : await this.dear.putShip(plan.body);
    } catch (error) {
      answer = await this.recover(error, input);
    }
    if (!answer.Lines?.some((l) => lineHasTracking(l, input.trackingNumber))) {
      throw new DearWriteBackError('dear_write_not_applied', `DEAR answered the ship write for fulfilment ${input.fulfilment.TaskID} without a line for tracking number ${input.trackingNumber}.`);
    }
    return { shipLine, shipStatus: answer.Status, notes: plan.notes };
  }

  /**
   * The client repeats a ship write it thinks was lost (retry 'safe'). If the first attempt did
   * land and authorised the stage, the repeat is refused ("already AUTHORISED") although our line
   * is there — so after any upstream failure we look at the stage before giving up.
   */
  private async recover(error: unknown, input: ShipWriteInput): Promise<DearShipTask> {
    if (!(error instanceof UpstreamError)) throw error;
    let current: DearShipTask;
    try {
      current = await this.dear.ship(input.fulfilment.TaskID);
    } catch {
      throw error;
    }
    if (current.Lines?.some((l) => lineHasTracking(l, input.trackingNumber))) return current;
    throw error;
  }
}
