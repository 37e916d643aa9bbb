import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Metrics } from '../../metrics/metrics';
import { BudgetSpec, RateBudget } from '../budget/rate-budget';
import { UpstreamError, UpstreamErrorKind, UpstreamSystem } from '../upstream.errors';
import { fullJitterDelayMs } from './backoff';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface UpstreamCall {
  method: HttpMethod;
  /** Path below the base URL, with a leading slash. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Label for metrics and logs, e.g. `shipments/getrates`. */
  endpoint: string;
  /**
   * `safe`: a read, or a write that is safe to repeat (order upsert by orderKey, DEAR ship PUT
   * with AddTrackingNumbers) — retried through throttling, 5xx, timeouts and resets.
   * `never`: a label purchase — one attempt; the labels module reconciles instead (SPEC §5).
   */
  retry: 'safe' | 'never';
  timeoutMs?: number;
}

export interface UpstreamResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Classified {
  kind: UpstreamErrorKind;
  message: string;
}

/** What differs between DEAR and ShipStation: auth, error shapes and throttle signals. */
export interface UpstreamDialect {
  system: UpstreamSystem;
  authHeaders(): Record<string, string>;
  /** An error for a non-2xx answer, or for an error body under 2xx; undefined = success. */
  classify(status: number, body: unknown, text: string): Classified | undefined;
  /** How long the upstream asks everyone to stop, from a response's headers (ms). */
  pauseMs(status: number, headers: Headers, throttled: boolean): number | undefined;
}

export interface UpstreamClientDeps {
  budget: RateBudget;
  metrics: Metrics;
  logger: Logger;
  timeoutMs: number;
  /** Attempts for `safe` calls, the first included. */
  maxAttempts: number;
  backoffBaseMs?: number;
}

/**
 * The one way to call an upstream: waits for the credential's budget, sends with a timeout,
 * parses both error shapes into {@link UpstreamError}, feeds the upstream's throttle signals
 * back into the budget, and retries safe calls with full-jitter backoff.
 */
export class UpstreamHttpClient {
  constructor(
    private readonly dialect: UpstreamDialect,
    private readonly baseUrl: string,
    private readonly budgetSpec: BudgetSpec,
    private readonly deps: UpstreamClientDeps,
  ) {}

  async call<T>(call: UpstreamCall): Promise<UpstreamResponse<T>> {
    const attempts = call.retry === 'safe' ? this.deps.maxAttempts : 1;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt<T>(call);
      } catch (error) {
        const retryable = error instanceof UpstreamError && error.transient && attempt + 1 < attempts;
        if (!retryable) throw error;
        // Throttling already paused the shared budget; the next take() waits for it.
        if (error.kind !== 'throttled') await sleep(fullJitterDelayMs(attempt, this.deps.backoffBaseMs ?? 250));
      }
    }
  }

  private async attempt<T>(call: UpstreamCall): Promise<UpstreamResponse<T>> {
    const { system } = this.dialect;
    const waited = await this.deps.budget.take(this.budgetSpec, system);
    this.deps.metrics.upstreamBudgetWait.observe({ system }, waited / 1000);
    const started = Date.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.url(call), {
        method: call.method,
        headers: {
          Accept: 'application/json',
          ...(call.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...this.dialect.authHeaders(),
        },
        body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
        signal: AbortSignal.timeout(call.timeoutMs ?? this.deps.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      this.record(call, timedOut ? 'timeout' : 'network', started);
      throw new UpstreamError(system, timedOut ? 'timeout' : 'unreachable', undefined, timedOut ? `no answer within ${call.timeoutMs ?? this.deps.timeoutMs} ms` : describeNetworkError(error), { endpoint: call.endpoint });
    }
    this.record(call, String(response.status), started);
    const body = parseBody(text, response.headers);
    const problem = this.dialect.classify(response.status, body, text);
    const pause = this.dialect.pauseMs(response.status, response.headers, problem?.kind === 'throttled');
    if (pause !== undefined && pause > 0) await this.deps.budget.pauseUntil(this.budgetSpec.key, new Date(Date.now() + pause));
    if (problem) {
      throw new UpstreamError(system, problem.kind, response.status, problem.message, {
        endpoint: call.endpoint,
        retryAfterSeconds: problem.kind === 'throttled' ? Math.max(1, Math.ceil((pause ?? 1000) / 1000)) : undefined,
      });
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }

  private url(call: UpstreamCall): string {
    const url = new URL(this.baseUrl + call.path);
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  private record(call: UpstreamCall, status: string, started: number): void {
    const { system } = this.dialect;
    this.deps.metrics.upstreamCalls.inc({ system, endpoint: call.endpoint, status });
    this.deps.logger.debug({ upstream: system, endpoint: call.endpoint, method: call.method, status, ms: Date.now() - started }, 'upstream call');
  }
}

function parseBody(text: string, headers: Headers): unknown {
  if (text === '') return undefined;
  const type = headers.get('content-type') ?? '';
  if (type.includes('json') || /^\s*[[{"]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `connection failed (${cause.code})` : `connection failed (${(error as Error).message})`;
}
