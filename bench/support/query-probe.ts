import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

export interface QueryStats {
  count: number;
  /** Sum of the time from query() to its result, as the app sees it (ms). */
  totalMs: number;
  /** Per statement (first 80 characters, whitespace collapsed): how many, and their summed time (ms). */
  statements: Record<string, { count: number; ms: number }>;
}

/**
 * Counts and times every query sent through `pg` (TypeORM's pool and pg-boss use it, embedded
 * mode included). Only for the diagnostic pass after the measurements: the wrapper costs a
 * little per query.
 */
export function startQueryProbe(): { stop(): QueryStats } {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const stats: QueryStats = { count: 0, totalMs: 0, statements: {} };
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
    const started = performance.now();
    const result = original.apply(this, args);
    if (typeof text !== 'string' || !(result instanceof Promise)) return result;
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 80);
    stats.count += 1;
    const entry = (stats.statements[key] ??= { count: 0, ms: 0 });
    entry.count += 1;
    return result.finally(() => {
      const elapsed = performance.now() - started;
      stats.totalMs += elapsed;
      entry.ms += elapsed;
    });
  };
  return {
    stop() {
      proto.query = original;
      return stats;
    },
  };
}
