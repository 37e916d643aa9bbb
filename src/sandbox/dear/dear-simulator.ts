/**
 * A DEAR Inventory (Cin7 Core) API v2 simulator over real HTTP: auth headers, the
 * per-account 60 calls/minute budget with switchable 429/503 throttling and
 * `Retry-After` variants, DEAR's error shapes, fault injection, request recording and
 * the sale / fulfilment / product / webhook endpoints (facts: shared/reference/dear.md).
 *
 * Control API at the server root (no auth, no rate limit, not recorded): `/__sim/faults`
 * (POST/DELETE/GET), `/__sim/requests?path=&method=` → `{count}`, `/__sim/reset`, and
 * `/__sim/rate-limit` (POST a partial RateLimitConfig, optional `accountId`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { FaultController, type FaultRule } from '../common/faults';
import { type RecordedRequest, RequestRecorder, type RequestFilter } from '../common/request-recorder';
import { closeServer, handleSimControl, listen, parseJson, queryObject, readBody, SIM_CONTROL_PREFIX, trackSockets, writeResponse, type SimResponse } from '../common/sim-http';
import type { HandlerContext } from './dear-context';
import { DearHttpError, forbidden, methodNotAllowed, PAGE_NOT_FOUND_HTML, serverError } from './dear-errors';
import { Renderer } from './dear-render';
import { canonicalPath, DEAR_PREFIX, endpointPath, findRoute } from './dear-routes';
import { buildSeedState, SEED } from './dear-seed';
import type { DearState } from './dear-types';
import { Query } from './dear-util';

export type { RecordedRequest } from '../common/request-recorder';
export { SEED } from './dear-seed';
export type { DearState } from './dear-types';

export interface RateLimitConfig {
  limit: number;
  windowMs: number;
  /** 429 (newer docs, JP) or 503 (older docs, AH) — dear.md §1.4. */
  throttleStyle?: '429' | '503';
  /** `Retry-After: 30` / `Retry-After: 60 Seconds` / no header — all seen live (§1.4, §9 #1). */
  retryAfter?: 'seconds' | 'seconds-text' | 'absent';
}

export interface DearSimulatorOptions {
  host?: string;
  port?: number;
  accounts?: Array<{ accountId: string; applicationKey: string; rateLimit?: Partial<RateLimitConfig> }>;
  rateLimit?: RateLimitConfig;
  latencyMs?: number;
  now?: () => Date;
  seed?: boolean;
}

export interface DearSimulator {
  /** Base URL including `/ExternalApi/v2`, no trailing slash. */
  url: string;
  /** Server root (for `/__sim/...`). */
  rootUrl: string;
  close(): Promise<void>;
  /** String paths may be given with or without the `/ExternalApi/v2` prefix, in any case. */
  faults: FaultController;
  /** `path` is the canonical endpoint path without the prefix, e.g. `/sale/fulfilment/ship`. */
  requests: RecordedRequest[];
  countRequests(filter?: { method?: string; path?: string | RegExp }): number;
  /** State of the first (default) account. */
  state: DearState;
  stateOf(accountId: string): DearState;
  /** Changes throttling at run time (all accounts, or one). */
  setRateLimit(config: Partial<RateLimitConfig>, accountId?: string): void;
  reset(): void;
}

const DEFAULT_RATE: Required<RateLimitConfig> = { limit: 60, windowMs: 60_000, throttleStyle: '429', retryAfter: 'seconds' };

interface Account {
  accountId: string;
  applicationKey: string;
  rate: Required<RateLimitConfig>;
  window: { start: number; count: number };
  state: DearState;
}

/** Accepts fault paths with or without the API prefix and in any case (§1.1). */
class DearFaultController extends FaultController {
  override inject(rule: FaultRule): void {
    super.inject(typeof rule.path === 'string' ? { ...rule, path: canonicalPath(rule.path) } : rule);
  }
}

function normaliseFilter(filter: RequestFilter): RequestFilter {
  return typeof filter.path === 'string' ? { ...filter, path: canonicalPath(filter.path) } : filter;
}

export async function startDearSimulator(opts: DearSimulatorOptions = {}): Promise<DearSimulator> {
  const now = opts.now ?? (() => new Date());
  const seed = opts.seed ?? true;
  const baseRate: Required<RateLimitConfig> = { ...DEFAULT_RATE, ...(opts.rateLimit ?? {}) };
  const accounts: Account[] = (opts.accounts ?? [{ accountId: SEED.accountId, applicationKey: SEED.applicationKey }]).map((a) => ({
    accountId: a.accountId,
    applicationKey: a.applicationKey,
    rate: { ...baseRate, ...(a.rateLimit ?? {}) },
    window: { start: 0, count: 0 },
    state: buildSeedState(now(), seed),
  }));
  if (accounts.length === 0) throw new Error('at least one account is required');
  const faults = new DearFaultController();
  const recorder = new RequestRecorder();

  const reset = () => {
    for (const a of accounts) {
      a.state = buildSeedState(now(), seed);
      a.window = { start: 0, count: 0 };
    }
    faults.clear();
    recorder.clear();
  };

  const setRateLimit = (config: Partial<RateLimitConfig>, accountId?: string) => {
    for (const a of accounts) if (!accountId || a.accountId === accountId) a.rate = { ...a.rate, ...config };
  };

  /** The throttled answer in the account's configured style (dear.md §1.4). */
  const throttled = (a: Account, t: number): SimResponse => {
    const status = a.rate.throttleStyle === '503' ? 503 : 429;
    const secs = Math.max(1, Math.ceil((a.window.start + a.rate.windowMs - t) / 1000));
    const headers: Record<string, string> = {};
    if (a.rate.retryAfter === 'seconds') headers['Retry-After'] = String(secs);
    else if (a.rate.retryAfter === 'seconds-text') headers['Retry-After'] = `${secs} Seconds`;
    // The body is undocumented (§1.4 "Unverified"); we use the Error Model array.
    return { status, headers, body: [{ ErrorCode: status, Exception: 'You reached 60 calls per minute API limit' }] };
  };

  /** Fixed window per account: the first call opens a window of `windowMs`. */
  const consume = (a: Account, t: number): boolean => {
    if (t - a.window.start >= a.rate.windowMs) a.window = { start: t, count: 0 };
    if (a.window.count >= a.rate.limit) return false;
    a.window.count += 1;
    return true;
  };

  const errorResponse = (e: DearHttpError): SimResponse => ({ status: e.status, body: e.body() });

  const html404 = (): SimResponse => ({ status: 404, raw: PAGE_NOT_FOUND_HTML, headers: { 'Content-Type': 'text/html; charset=utf-8' } });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sim.local');
    let text = '';
    try {
      text = await readBody(req);
    } catch {
      res.destroy();
      return;
    }
    const parsed = parseJson(text);

    if (url.pathname.startsWith(SIM_CONTROL_PREFIX) || url.pathname === '/__sim') {
      if (url.pathname.replace(/\/+$/, '') === '/__sim/rate-limit' && method === 'POST') {
        const b = (parsed.ok ? parsed.value : undefined) as (Partial<RateLimitConfig> & { accountId?: string }) | undefined;
        if (!b || typeof b !== 'object') return writeResponse(res, { status: 400, body: { error: 'JSON body required' } });
        const { accountId, ...config } = b;
        setRateLimit(config, accountId);
        return writeResponse(res, { status: 204 });
      }
      if (url.pathname.replace(/\/+$/, '') === '/__sim/requests') {
        const p = url.searchParams.get('path');
        if (p) url.searchParams.set('path', canonicalPath(p));
      }
      const r = handleSimControl(method, url, parsed.ok ? parsed.value : undefined, { faults, recorder, reset });
      return writeResponse(res, r ?? { status: 404, body: { error: 'not found' } });
    }

    const rel = endpointPath(url.pathname);
    const route = rel === undefined ? undefined : findRoute(rel);
    const entry: RecordedRequest = recorder.record({
      method,
      path: route ? route.path : url.pathname,
      query: queryObject(url),
      body: parsed.ok ? parsed.value : text,
      status: 0,
      at: now(),
      apiKey: req.headers['api-auth-accountid'] as string | undefined,
    });
    const send = async (r: SimResponse) => {
      if (opts.latencyMs) await new Promise((resolve) => setTimeout(resolve, opts.latencyMs));
      entry.status = r.status;
      writeResponse(res, r);
    };

    // Unknown endpoints: the HTML "Page not found" page (dear.md §1.5, §9 #15).
    if (!route) return send(html404());

    const fault = faults.take(method, route.path);
    if (fault === 'hang') return; // socket stays open until the client gives up or close()
    if (fault === 'reset') {
      res.socket?.destroy();
      return;
    }
    if (fault === 'status500') return send(errorResponse(serverError()));

    // Auth: both headers must name a configured account (§1.2); wrong → 403.
    const accountId = String(req.headers['api-auth-accountid'] ?? '');
    const key = String(req.headers['api-auth-applicationkey'] ?? '');
    const account = accounts.find((a) => a.accountId.toLowerCase() === accountId.toLowerCase() && a.applicationKey === key);
    if (!account) return send(errorResponse(forbidden()));

    const t = now().getTime();
    if (fault === 'throttle') return send(throttled(account, t));
    if (!consume(account, t)) return send(throttled(account, t));

    const handler = route.methods[method as keyof typeof route.methods];
    if (!handler) return send(errorResponse(methodNotAllowed(method)));
    // Bodies that do not parse: 500 (§1.5 "body could not be parsed").
    if (!parsed.ok) return send({ status: 500, body: [{ ErrorCode: 500, Exception: `Request body could not be parsed: ${parsed.error}` }] });

    const ctx: HandlerContext = {
      state: account.state,
      q: new Query(url.searchParams),
      body: parsed.value,
      now,
      render: new Renderer(account.state),
    };
    let response: SimResponse;
    try {
      response = { status: 200, body: handler(ctx) };
    } catch (e) {
      if (e instanceof DearHttpError) response = errorResponse(e);
      else response = { status: 500, body: [{ ErrorCode: 500, Exception: e instanceof Error ? e.message : String(e) }] };
    }
    if (fault === 'performThenDrop') {
      // The write happened; the answer is lost (a client must reconcile).
      res.socket?.destroy();
      return;
    }
    if (fault === 'performThenHang') return; // done; no answer until the server closes
    return send(response);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) writeResponse(res, { status: 500, body: [{ ErrorCode: 500, Exception: 'Internal error' }] });
    });
  });
  const sockets = trackSockets(server);
  const rootUrl = await listen(server, opts.port ?? 0, opts.host ?? '127.0.0.1');

  return {
    url: `${rootUrl}${DEAR_PREFIX}`,
    rootUrl,
    close: () => closeServer(server, sockets),
    faults,
    requests: recorder.requests,
    countRequests: (filter = {}) => recorder.count(normaliseFilter(filter)),
    get state() {
      return accounts[0].state;
    },
    stateOf(accountId: string) {
      const a = accounts.find((x) => x.accountId === accountId);
      if (!a) throw new Error(`unknown account ${accountId}`);
      return a.state;
    },
    setRateLimit,
    reset,
  };
}
