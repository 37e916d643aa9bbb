import { DomainError } from '../../common/errors/domain-error';

/**
 * Why DEAR's state does not let us record a shipment. These are facts about the sale, not
 * transient failures: retrying without a change in DEAR gives the same answer, so the write-back
 * job records the code as `lastError` (SPEC §5 `writeBack.lastError`). Throttling, 5xx and
 * timeouts surface as {@link UpstreamError} instead (see its `transient`).
 */
export type DearWriteBackErrorCode =
  /** The fulfilment named by the label is not on the sale. */
  | 'dear_fulfilment_not_found'
  /** Ship needs an AUTHORISED pack (dear.md §3.4, §10). */
  | 'dear_pack_not_authorised'
  /** The label names a box the pack stage does not have (ship `Box` must be a packed box, §3.4). */
  | 'dear_box_not_packed'
  /** The sale, the fulfilment or its ship stage is voided. */
  | 'dear_sale_voided'
  /**
   * The ship stage is authorised and the box's line already carries another tracking number:
   * `PUT … AddTrackingNumbers` edits lines (by ID, else by box, §3.4), so it would overwrite it.
   */
  | 'dear_box_already_tracked'
  /** DEAR accepted the write but the line is not in its answer. */
  | 'dear_write_not_applied';

/** A 422 problem (SPEC §8: upstream refusals are 422, never 500) with a stable code. */
export class DearWriteBackError extends DomainError {
  override readonly name: string = 'DearWriteBackError';
  /** Not worth retrying until someone changes the sale in DEAR. */
  readonly permanent = true;

  constructor(
    override readonly code: DearWriteBackErrorCode,
    detail: string,
  ) {
    super(code, 422, 'The shipment cannot be recorded in DEAR', detail, { upstream: { system: 'dear', message: detail } });
  }
}

/** Ship before pack is authorised is refused by DEAR (dear.md §3.4); we say so before trying. */
export class DearPackNotAuthorisedError extends DearWriteBackError {
  override readonly name = 'DearPackNotAuthorisedError';

  constructor(
    readonly saleId: string,
    readonly fulfilmentTaskId: string,
    readonly packStatus: string,
  ) {
    super('dear_pack_not_authorised', `The pack stage of fulfilment ${fulfilmentTaskId} (sale ${saleId}) is ${packStatus}; DEAR records shipments only once packing is authorised.`);
  }
}
