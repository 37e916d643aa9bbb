import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { FaultController, type FaultKind } from '../common/faults';
import { RequestRecorder, type RecordedRequest, type RequestFilter } from '../common/request-recorder';
import {
  SIM_CONTROL_PREFIX, closeServer, handleSimControl, listen, parseJson, queryObject, readBody, trackSockets, writeResponse,
  type SimResponse,
} from '../common/sim-http';
import {
  SimHttpError, badRequest, methodNotAllowed, nullReference, routeNotFound, serverError, tooManyRequests, unauthorized,
} from './shipstation-errors';
import { findRoute } from './shipstation-routes';
import { seedState } from './shipstation-seed';
import type { ShipStationState } from './shipstation-types';

/**
 * A ShipStation API V1 simulator over real HTTP (fact sheet reference/shipstation.md):
 * Basic auth, a fixed-window rate limit per key pair with the X-Rate-Limit-* headers,
 * Web API error bodies, Pacific-time timestamps, carriers/rates/labels/orders/
 * shipments/webhooks/stores, fault injection, and a control API under `/__sim/`.
 */

export interface ShipStationSimulatorOptions {
  host?: string;
  port?: number;
  credentials?: Array<{ apiKey: string; apiSecret: string }>;
  /** Fixed window per key pair; default 40 per 60 000 ms (§1.2). */
  rateLimit?: { limit: number; windowMs: number };
  latencyMs?: number;
  now?: () => Date;
}

export interface ShipStationSimulator {
  url: string;
  close(): Promise<void>;
  faults: FaultController;
  requests: RecordedRequest[];
  countRequests(filter?: RequestFilter): number;
  state: ShipStationState;
  reset(): void;
}

export const DEFAULT_SHIPSTATION_CREDENTIALS = { apiKey: 'sandbox-ss-key', apiSecret: 'sandbox-ss-secret' };

interface RateWindow {
  start: number;
  count: number;
}

export async function startShipStationSimulator(opts: ShipStationSimulatorOptions = {}): Promise<ShipStationSimulator> {
  const credentials = opts.credentials ?? [DEFAULT_SHIPSTATION_CREDENTIALS];
  const rate = opts.rateLimit ?? { limit: 40, windowMs: 60_000 };
  const now = opts.now ?? (() => new Date());
  const faults = new FaultController();
  const recorder = new RequestRecorder();
  const windows = new Map<string, RateWindow>();
  const deliveries = new Set<AbortController>();
  let baseUrl = '';

  const state: ShipStationState = seedState(now());

  const reset = (): void => {
    // Back to the seed: carriers (and balances), stores; no orders, shipments or webhooks.
    Object.assign(state, seedState(now()));
    recorder.clear();
    faults.clear();
    windows.clear();
  };

  /** Basic auth (§1.1); returns the key pair id or undefined. */
  const authenticate = (req: IncomingMessage): { ok: boolean; apiKey?: string } => {
    const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!m) return { ok: false };
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) return { ok: false };
    const apiKey = decoded.slice(0, i);
    const apiSecret = decoded.slice(i + 1);
    return { ok: credentials.some((c) => c.apiKey === apiKey && c.apiSecret === apiSecret), apiKey };
  };

  /**
   * Fixed window per key pair (§1.2): the window opens with the first request and lasts
   * windowMs; X-Rate-Limit-Reset is the whole seconds left (≥ 1 while in a window).
   */
  const consume = (apiKey: string): { allowed: boolean; headers: Record<string, string> } => {
    const t = now().getTime();
    let w = windows.get(apiKey);
    if (!w || t >= w.start + rate.windowMs) {
      w = { start: t, count: 0 };
      windows.set(apiKey, w);
    }
    const allowed = w.count < rate.limit;
    if (allowed) w.count += 1;
    const headers = {
      'X-Rate-Limit-Limit': String(rate.limit),
      'X-Rate-Limit-Remaining': String(Math.max(0, rate.limit - w.count)),
      'X-Rate-Limit-Reset': String(Math.max(1, Math.ceil((w.start + rate.windowMs - t) / 1000))),
    };
    return { allowed, headers };
  };

  /** SHIP_NOTIFY deliveries (§8.2): unsigned `{resource_url, resource_type}`, fire and forget. */
  const notify = (event: 'SHIP_NOTIFY', resourcePath: string, storeId: number): void => {
    for (const hook of state.webhooks) {
      if (!hook.Active || hook.HookType !== event || (hook.StoreID !== null && hook.StoreID !== storeId)) continue;
      const ac = new AbortController();
      deliveries.add(ac);
      const timer = setTimeout(() => ac.abort(), 5000);
      setImmediate(() => {
        fetch(hook.Url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ resource_url: `${baseUrl}${resourcePath}`, resource_type: event }),
          signal: ac.signal,
        })
          .then((r) => r.arrayBuffer())
          .catch(() => undefined)
          .finally(() => {
            clearTimeout(timer);
            deliveries.delete(ac);
          });
      });
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sim.local');
    let text = '';
    try {
      text = await readBody(req);
    } catch {
      req.socket.destroy();
      return;
    }
    const parsed = parseJson(text);
    const body = parsed.ok ? parsed.value : text;

    if (url.pathname.startsWith(SIM_CONTROL_PREFIX)) {
      writeResponse(res, handleSimControl(method, url, body, { faults, recorder, reset })!);
      return;
    }

    const entry = recorder.record({
      method, path: url.pathname, query: queryObject(url), body, status: 0, at: now(), apiKey: undefined,
    });
    const send = (r: SimResponse): void => {
      entry.status = r.status;
      writeResponse(res, r);
    };
    if (opts.latencyMs) await sleep(opts.latencyMs);

    const auth = authenticate(req);
    entry.apiKey = auth.apiKey;
    if (!auth.ok) return send(unauthorized());
    const budget = consume(auth.apiKey!);
    const withLimits = (r: SimResponse): SimResponse => ({ ...r, headers: { ...(r.headers ?? {}), ...budget.headers } });
    if (!budget.allowed) return send(withLimits(tooManyRequests()));

    const fault: FaultKind | undefined = faults.take(method, url.pathname);
    if (fault === 'hang') return; // socket stays open until close()
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'status500') return send(withLimits(nullReference()));
    if (fault === 'throttle') return send(withLimits(tooManyRequests()));

    let response: SimResponse;
    const { route, params, pathKnown } = findRoute(method, url.pathname);
    if (!route) {
      response = pathKnown ? methodNotAllowed(method) : routeNotFound(`${baseUrl}${url.pathname}${url.search}`);
    } else if (!parsed.ok) {
      // Web API: unparseable JSON binds `request` to null and reports it in ModelState.
      response = badRequest({ request: [`The request body is not valid JSON: ${parsed.error}`] });
    } else {
      try {
        response = route.handle({ state, body, query: entry.query, params, now: now(), notify });
      } catch (e) {
        if (e instanceof SimHttpError) response = e.response;
        else response = serverError(e instanceof Error ? e.message : String(e));
      }
    }
    if (fault === 'performThenDrop') {
      // The work is done (state changed); the client never hears about it.
      req.socket.destroy();
      return;
    }
    if (fault === 'performThenHang') return; // done, and the socket stays open until close()
    send(withLimits(response));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) writeResponse(res, nullReference());
    });
  });
  server.keepAliveTimeout = 5000;
  const sockets = trackSockets(server);
  baseUrl = await listen(server, opts.port ?? 0, opts.host ?? '127.0.0.1');

  return {
    url: baseUrl,
    async close() {
      for (const ac of deliveries) ac.abort();
      await closeServer(server, sockets);
    },
    faults,
    requests: recorder.requests,
    countRequests: (filter) => recorder.count(filter),
    state,
    reset,
  };
}
