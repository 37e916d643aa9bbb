import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { FaultController, parseFaultRule } from './faults';
import { RequestRecorder } from './request-recorder';

/** Small HTTP helpers shared by the simulators (node:http, no framework). */

export interface SimResponse {
  status: number;
  /** JSON-serialised unless `raw` is set; `undefined` sends an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Send this text as-is (with its own content type in `headers`). */
  raw?: string;
}

export function json(status: number, body?: unknown, headers?: Record<string, string>): SimResponse {
  return { status, body, headers };
}

export function writeResponse(res: ServerResponse, r: SimResponse): void {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  let payload = '';
  if (r.raw !== undefined) {
    payload = r.raw;
  } else if (r.body !== undefined) {
    payload = JSON.stringify(r.body);
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(r.status, headers);
  res.end(payload);
}

export async function readBody(req: IncomingMessage, limitBytes = 5 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw new Error('body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `{ ok: true, value }` for an empty or valid JSON body, `{ ok: false }` when it does not parse. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) out[k] = v;
  return out;
}

/**
 * Tracks open sockets so `close()` can finish at once even with hung requests or
 * keep-alive connections (fault `hang` keeps a socket open on purpose).
 */
export function trackSockets(server: Server): { destroyAll(): void } {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    destroyAll() {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
  };
}

export function closeServer(server: Server, sockets: { destroyAll(): void }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections?.();
    sockets.destroyAll();
  });
}

export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const addr = server.address();
      if (addr === null || typeof addr === 'string') return reject(new Error('unexpected server address'));
      const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      resolve(`http://${h}:${addr.port}`);
    });
  });
}

export const SIM_CONTROL_PREFIX = '/__sim/';

/**
 * The simulator control API under `/__sim/` (no auth, not rate limited, not recorded):
 * - `POST /__sim/faults` body = a FaultRule with a string path prefix → 204
 * - `DELETE /__sim/faults` → 204
 * - `GET /__sim/faults` → `{faults: [...]}`
 * - `GET /__sim/requests?path=&method=` → `{count}` (path = exact path)
 * - `POST /__sim/reset` → 204
 * Returns undefined when the route is not a control route.
 */
export function handleSimControl(
  method: string,
  url: URL,
  body: unknown,
  ctx: { faults: FaultController; recorder: RequestRecorder; reset(): void },
): SimResponse | undefined {
  const p = url.pathname.replace(/\/+$/, '');
  if (p === '/__sim/faults' && method === 'POST') {
    try {
      ctx.faults.inject(parseFaultRule(body));
      return json(204);
    } catch (e) {
      return json(400, { error: e instanceof Error ? e.message : String(e) });
    }
  }
  if (p === '/__sim/faults' && method === 'DELETE') {
    ctx.faults.clear();
    return json(204);
  }
  if (p === '/__sim/faults' && method === 'GET') {
    return json(200, {
      faults: ctx.faults.list().map((r) => ({
        ...r,
        path: String(r.path),
        remaining: Number.isFinite(r.remaining) ? r.remaining : 'Infinity',
      })),
    });
  }
  if (p === '/__sim/requests' && method === 'GET') {
    const path = url.searchParams.get('path') ?? undefined;
    const m = url.searchParams.get('method') ?? undefined;
    return json(200, { count: ctx.recorder.count({ path: path || undefined, method: m || undefined }) });
  }
  if (p === '/__sim/reset' && method === 'POST') {
    ctx.reset();
    return json(204);
  }
  return json(404, { error: `no simulator control route ${method} ${url.pathname}` });
}
