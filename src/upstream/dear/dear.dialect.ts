import { parseRetryAfterSeconds } from '../http/backoff';
import { Classified, UpstreamDialect } from '../http/upstream-http-client';
import { UpstreamErrorKind } from '../upstream.errors';

interface DearErrorModel {
  ErrorCode: number;
  Exception: string;
}

/**
 * DEAR / Cin7 Core API v2 (reference/dear.md §1): account-id and application-key headers;
 * errors as `[{ErrorCode, Exception}]`, sometimes a bare object and sometimes under HTTP 200
 * (§1.6); throttling as 429 or 503 with `Retry-After: 30`, `60 Seconds` or none (§1.4);
 * an HTML "Page not found" for unknown paths (§1.6).
 */
export class DearDialect implements UpstreamDialect {
  readonly system = 'dear' as const;

  constructor(private readonly accountId: string, private readonly applicationKey: string, private readonly windowMs: number) {}

  authHeaders(): Record<string, string> {
    return { 'api-auth-accountid': this.accountId, 'api-auth-applicationkey': this.applicationKey };
  }

  classify(status: number, body: unknown, text: string): Classified | undefined {
    const model = dearErrorModel(body);
    const html = looksLikeHtml(text) ? `HTML page instead of JSON (HTTP ${status}${/not found/i.test(text) ? ', page not found: check the base URL' : ''})` : undefined;
    if (status >= 200 && status < 300) {
      if (model) return { kind: kindForCode(model.ErrorCode), message: model.Exception };
      // The "Page not found" HTML page can come with 200 too (§1.6, §9 #15): never hand it to a
      // caller as if it were the JSON it asked for.
      return html ? { kind: 'failed', message: html } : undefined;
    }
    const message = model?.Exception ?? html ?? (text.trim().slice(0, 500) || `HTTP ${status}`);
    if (status === 403 || status === 401) return { kind: 'unauthorized', message };
    if (status === 429 || status === 503) return { kind: 'throttled', message };
    // 404 means the *endpoint* does not exist in DEAR (§1.5), not a missing record.
    if (status === 404) return { kind: model ? 'not_found' : 'failed', message };
    if (status >= 400 && status < 500) return { kind: model ? kindForCode(model.ErrorCode) : 'rejected', message };
    return { kind: 'failed', message };
  }

  pauseMs(status: number, headers: Headers, throttled: boolean): number | undefined {
    if (!throttled && status !== 429 && status !== 503) return undefined;
    const seconds = parseRetryAfterSeconds(headers.get('retry-after'));
    // Without Retry-After (503 style), wait out a whole window of the budget.
    return seconds !== undefined ? seconds * 1000 : this.windowMs;
  }
}

export function dearErrorModel(body: unknown): DearErrorModel | undefined {
  const candidate = Array.isArray(body) ? body[0] : body;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const c = candidate as Partial<DearErrorModel>;
  return typeof c.Exception === 'string' && c.ErrorCode !== undefined ? { ErrorCode: Number(c.ErrorCode), Exception: c.Exception } : undefined;
}

function kindForCode(code: number): UpstreamErrorKind {
  if (code === 403 || code === 401) return 'unauthorized';
  if (code === 404) return 'not_found';
  if (code === 429 || code === 503) return 'throttled';
  if (code >= 500) return 'failed';
  return 'rejected';
}

function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html)/i.test(text);
}
