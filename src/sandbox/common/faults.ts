/**
 * Fault injection shared by the sandbox simulators (ShipStation, DEAR).
 *
 * A rule names a request (method + path) and what goes wrong with it. The server
 * calls {@link FaultController.take} once per incoming request; the first matching
 * rule with times left is consumed and its kind returned. What each kind means on
 * the wire:
 *
 * - `status500`       the upstream's own 500 error body (each simulator renders it).
 * - `throttle`        a 429 as if the rate budget were exhausted, with the usual headers.
 * - `hang`            no answer at all; the socket stays open until the server closes.
 * - `reset`           the socket is destroyed before anything is written.
 * - `performThenDrop` the handler runs fully (state changes happen, e.g. a label is
 *                     bought) and then the socket is destroyed instead of answering —
 *                     the case a client must reconcile after a timeout.
 * - `performThenHang` the handler runs fully, then no answer ever comes: the client is
 *                     still waiting when it dies (the crash-during-purchase tests).
 */
export type FaultKind = 'status500' | 'throttle' | 'hang' | 'reset' | 'performThenDrop' | 'performThenHang';

export const FAULT_KINDS: readonly FaultKind[] = ['status500', 'throttle', 'hang', 'reset', 'performThenDrop', 'performThenHang'];

export interface FaultRule {
  /** HTTP method, case-insensitive; any method when omitted. */
  method?: string;
  /** A string matches as a path prefix (query string excluded); a RegExp is tested against the path. */
  path: string | RegExp;
  kind: FaultKind;
  /** How many requests the rule applies to; default 1; `Infinity` allowed. */
  times?: number;
}

/** A rule as held by the controller, with its remaining count. */
export interface ActiveFaultRule {
  readonly method?: string;
  readonly path: string | RegExp;
  readonly kind: FaultKind;
  readonly remaining: number;
}

interface MutableRule {
  method?: string;
  path: string | RegExp;
  kind: FaultKind;
  remaining: number;
}

export class FaultController {
  private rules: MutableRule[] = [];

  inject(rule: FaultRule): void {
    if (!FAULT_KINDS.includes(rule.kind)) {
      throw new Error(`unknown fault kind: ${String(rule.kind)}`);
    }
    const times = rule.times ?? 1;
    if (!(times > 0)) {
      throw new Error('fault times must be > 0');
    }
    this.rules.push({
      method: rule.method?.toUpperCase(),
      path: rule.path,
      kind: rule.kind,
      remaining: times,
    });
  }

  clear(): void {
    this.rules = [];
  }

  /** Rules still armed, in match order. */
  list(): ActiveFaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /**
   * Consumes and returns the fault for this request, if any. `path` is the URL path
   * without the query string. Rules are tried in the order they were injected.
   */
  take(method: string, path: string): FaultKind | undefined {
    const upper = method.toUpperCase();
    const index = this.rules.findIndex((r) => {
      if (r.method !== undefined && r.method !== upper) return false;
      return typeof r.path === 'string' ? path.startsWith(r.path) : r.path.test(path);
    });
    if (index < 0) return undefined;
    const rule = this.rules[index];
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    return rule.kind;
  }
}

/**
 * Parses a rule sent as JSON to a simulator's `/__sim/faults` endpoint. Over HTTP the
 * path is always a string prefix; `times` may be a number or the string "Infinity"
 * (JSON has no infinity). Throws an Error with a readable message when invalid.
 */
export function parseFaultRule(body: unknown): FaultRule {
  if (typeof body !== 'object' || body === null) throw new Error('fault rule must be a JSON object');
  const b = body as Record<string, unknown>;
  if (typeof b.path !== 'string' || b.path.length === 0) throw new Error('path must be a non-empty string');
  if (typeof b.kind !== 'string' || !FAULT_KINDS.includes(b.kind as FaultKind)) {
    throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  }
  if (b.method !== undefined && typeof b.method !== 'string') throw new Error('method must be a string');
  let times: number | undefined;
  if (b.times === 'Infinity' || b.times === null) times = b.times === null ? undefined : Infinity;
  else if (b.times !== undefined) {
    if (typeof b.times !== 'number' || !(b.times > 0)) throw new Error('times must be a positive number');
    times = b.times;
  }
  return { method: b.method as string | undefined, path: b.path, kind: b.kind as FaultKind, times };
}
