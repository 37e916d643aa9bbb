import { Classified, UpstreamDialect } from '../http/upstream-http-client';

/**
 * ShipStation v1 (reference/shipstation.md §1): Basic auth; ASP.NET Web API error bodies —
 * 400 `{Message, ModelState}`, 500 `{Message, ExceptionMessage, …}` (also used for carrier and
 * business refusals, §1.4), 429 `{message}`; `X-Rate-Limit-Remaining/-Reset` (seconds) on
 * every response (§1.2).
 */
export class ShipStationDialect implements UpstreamDialect {
  readonly system = 'shipstation' as const;

  constructor(private readonly apiKey: string, private readonly apiSecret: string, private readonly windowMs: number) {}

  authHeaders(): Record<string, string> {
    return { Authorization: `Basic ${Buffer.from(`${this.apiKey}:${this.apiSecret}`).toString('base64')}` };
  }

  classify(status: number, body: unknown, text: string): Classified | undefined {
    if (status >= 200 && status < 300) return undefined;
    const message = shipStationMessage(body, text) ?? `HTTP ${status}`;
    if (status === 401 || status === 403) return { kind: 'unauthorized', message };
    if (status === 429) return { kind: 'throttled', message };
    if (status === 404) return { kind: 'not_found', message };
    if (status >= 400 && status < 500) return { kind: 'rejected', message };
    // ShipStation refuses carrier/business requests with a 500 too (§1.4). Those known refusals
    // are final; any other 500 (e.g. a NullReferenceException) may be a passing fault.
    const exception = (body as { ExceptionMessage?: unknown } | undefined)?.ExceptionMessage;
    if (status === 500 && typeof exception === 'string' && BUSINESS_REFUSAL.test(exception)) return { kind: 'rejected', message };
    return { kind: 'failed', message };
  }

  pauseMs(status: number, headers: Headers, throttled: boolean): number | undefined {
    const remaining = Number(headers.get('x-rate-limit-remaining'));
    const resetSeconds = Number(headers.get('x-rate-limit-reset'));
    const exhausted = throttled || status === 429 || (headers.has('x-rate-limit-remaining') && remaining <= 0);
    if (!exhausted) return undefined;
    return Number.isFinite(resetSeconds) && resetSeconds > 0 ? resetSeconds * 1000 + 250 : this.windowMs;
  }
}

/** ExceptionMessage texts that are ShipStation saying no, not failing (§1.4, §11). */
const BUSINESS_REFUSAL = /no applicable services|invalid |is not valid|not supported|cannot be|required|insufficient|manual store|not found|already/i;

/** `ExceptionMessage || Message || message`, with ModelState details appended (§1.4). */
export function shipStationMessage(body: unknown, text: string): string | undefined {
  if (typeof body !== 'object' || body === null) return text.trim() ? text.trim().slice(0, 500) : undefined;
  const b = body as { ExceptionMessage?: unknown; Message?: unknown; message?: unknown; ModelState?: Record<string, unknown> };
  const main = [b.ExceptionMessage, b.Message, b.message].find((m): m is string => typeof m === 'string' && m.length > 0);
  const details = b.ModelState
    ? Object.entries(b.ModelState).map(([field, msgs]) => `${field.replace(/^request\./i, '')}: ${Array.isArray(msgs) ? msgs.join(' ') : String(msgs)}`)
    : [];
  return [main, ...details].filter(Boolean).join(' — ') || undefined;
}
