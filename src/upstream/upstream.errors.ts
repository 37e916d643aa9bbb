import { DomainError } from '../common/errors/domain-error';

export type UpstreamSystem = 'shipstation' | 'dear';

/**
 * What went wrong upstream, in terms a caller can act on:
 * - `rejected`: the upstream understood and refused (validation, business rule) → 422
 * - `not_found`: the thing asked for does not exist upstream → 404
 * - `unauthorized`: the connection's credentials were refused → 502
 * - `throttled`: still throttled after our retries → 503 with Retry-After
 * - `failed`: upstream 5xx, HTML error page, unparseable answer → 502
 * - `timeout`, `unreachable`: no answer in time / no connection → 502
 */
export type UpstreamErrorKind = 'rejected' | 'not_found' | 'unauthorized' | 'throttled' | 'failed' | 'timeout' | 'unreachable';

const HTTP_STATUS: Record<UpstreamErrorKind, number> = {
  rejected: 422,
  not_found: 404,
  unauthorized: 502,
  throttled: 503,
  failed: 502,
  timeout: 502,
  unreachable: 502,
};

const TITLES: Record<UpstreamErrorKind, string> = {
  rejected: 'Upstream refused the request',
  not_found: 'Not found upstream',
  unauthorized: 'Upstream refused the credentials',
  throttled: 'Upstream is throttling',
  failed: 'Upstream failed',
  timeout: 'Upstream timed out',
  unreachable: 'Upstream unreachable',
};

/** A typed upstream failure carrying the upstream's own message (SPEC §8); never a 500. */
export class UpstreamError extends DomainError {
  constructor(
    readonly system: UpstreamSystem,
    readonly kind: UpstreamErrorKind,
    readonly upstreamStatus: number | undefined,
    readonly upstreamMessage: string,
    opts: { retryAfterSeconds?: number; endpoint?: string } = {},
  ) {
    super(
      `upstream_${kind}`,
      HTTP_STATUS[kind],
      TITLES[kind],
      `${system === 'dear' ? 'DEAR' : 'ShipStation'}${opts.endpoint ? ` ${opts.endpoint}` : ''}: ${upstreamMessage}`,
      { upstream: { system, ...(upstreamStatus !== undefined ? { status: upstreamStatus } : {}), message: upstreamMessage }, retryAfterSeconds: opts.retryAfterSeconds },
    );
  }

  /** Worth trying again for a read or an idempotent write. */
  get transient(): boolean {
    return this.kind === 'throttled' || this.kind === 'failed' || this.kind === 'timeout' || this.kind === 'unreachable';
  }
}
