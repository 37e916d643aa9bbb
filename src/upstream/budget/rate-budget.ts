import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';

export interface BudgetSpec {
  /** `shipstation:…` or `dear:…` */
  key: string;
  /** Calls allowed per window (ShipStation 40, DEAR 60 by default). */
  limit: number;
  windowMs: number;
  /** Longest wait for a slot; background jobs wait longer than HTTP requests. */
  maxWaitMs?: number;
}

/**
 * Extra room added to the window: our send time is not the upstream's receive time, so a call
 * sent just after our window ended can still land in the upstream's previous one.
 */
export function guardMs(windowMs: number): number {
  return Math.ceil(windowMs * 0.02) + 150;
}

interface Waiter {
  spec: BudgetSpec;
  system: 'shipstation' | 'dear';
  started: number;
  resolve(waitedMs: number): void;
  reject(error: unknown): void;
}

/**
 * A sliding-window budget per upstream credential, kept in PostgreSQL so every instance draws
 * from the same one (SPEC §3). At most `limit` calls start in any interval of `windowMs`
 * (+ guard), which also holds for whatever fixed window the upstream counts in. A caller waits
 * for its turn (bounded) instead of sending and bouncing off a 429; past the bound it gets a
 * 503 problem that says when to retry.
 *
 * Callers of one instance that want tokens for the same credential at the same moment (a rate
 * fan-out) are served by one statement: one row lock and one commit instead of one each.
 */
export class RateBudget {
  private readonly queues = new Map<string, { waiters: Waiter[]; running: boolean }>();

  constructor(private readonly dataSource: DataSource, private readonly maxWaitMs: number) {}

  /** Waits for a slot and records the call; resolves with the time waited in ms. */
  take(spec: BudgetSpec, system: 'shipstation' | 'dear'): Promise<number> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(spec.key);
      if (!queue) this.queues.set(spec.key, (queue = { waiters: [], running: false }));
      queue.waiters.push({ spec, system, started: Date.now(), resolve, reject });
      if (!queue.running) {
        queue.running = true;
        // Start on the next turn so callers fanning out in this one are served together.
        setImmediate(() => void this.drain(spec.key));
      }
    });
  }

  /** The upstream said stop (429/503, or Remaining: 0): nobody calls until it says go. */
  async pauseUntil(key: string, until: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO upstream_budgets (key, blocked_until) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET blocked_until = GREATEST(COALESCE(upstream_budgets.blocked_until, $2), $2)`,
      [key, until],
    );
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    try {
      while (queue.waiters.length > 0) {
        const spec = queue.waiters[0].spec;
        const window = `${spec.windowMs + guardMs(spec.windowMs)} milliseconds`;
        const wanted = queue.waiters.length;
        const granted = await this.grant(spec, window, wanted);
        const now = Date.now();
        for (const waiter of queue.waiters.splice(0, granted)) waiter.resolve(now - waiter.started);
        // Everyone asked got a slot: serve whoever arrived meanwhile at once.
        if (granted === wanted) continue;
        const waitMs = await this.msUntilSlot(spec, window);
        if (waitMs === undefined) continue; // the row did not exist; it does now
        for (const waiter of [...queue.waiters]) {
          if (waitMs > (waiter.spec.maxWaitMs ?? this.maxWaitMs) - (now - waiter.started)) {
            queue.waiters.splice(queue.waiters.indexOf(waiter), 1);
            waiter.reject(exhausted(waiter, waitMs));
          }
        }
        // A little jitter so instances waiting on the same credential do not wake together.
        if (queue.waiters.length > 0) await sleep(Math.max(5, waitMs) + Math.random() * 20);
      }
    } catch (error) {
      for (const waiter of queue.waiters.splice(0)) waiter.reject(error);
    } finally {
      if (queue.waiters.length > 0) void this.drain(key);
      else {
        queue.running = false;
        this.queues.delete(key);
      }
    }
  }

  /**
   * Records up to `wanted` calls now, as many as the window allows; returns how many. One
   * statement: the row lock serialises instances, FOR UPDATE re-reads the row another instance
   * just changed.
   */
  private async grant(spec: BudgetSpec, window: string, wanted: number): Promise<number> {
    const result: unknown[] = await this.dataSource.query(
      `WITH cur AS (
         SELECT key, blocked_until,
                ARRAY(SELECT c FROM unnest(calls) c WHERE c > clock_timestamp() - $2::interval ORDER BY c) AS kept
           FROM upstream_budgets WHERE key = $1 FOR UPDATE
       ), g AS (
         SELECT key, kept,
                CASE WHEN blocked_until > clock_timestamp() THEN 0
                     ELSE GREATEST(0, LEAST($4::int, $3::int - cardinality(kept))) END AS granted
           FROM cur
       )
       UPDATE upstream_budgets b SET calls = g.kept || array_fill(clock_timestamp(), ARRAY[g.granted])
         FROM g WHERE b.key = g.key AND g.granted > 0
       RETURNING g.granted`,
      [spec.key, window, spec.limit, wanted],
    );
    const rows = (Array.isArray(result[0]) ? result[0] : result) as Array<{ granted: number }>;
    return rows[0]?.granted ?? 0;
  }

  /** ms until the next slot frees up; undefined (after creating it) when the row was missing. */
  private async msUntilSlot(spec: BudgetSpec, window: string): Promise<number | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT GREATEST(
                COALESCE(EXTRACT(EPOCH FROM (b.blocked_until - clock_timestamp())) * 1000, 0),
                COALESCE((SELECT EXTRACT(EPOCH FROM (c + $2::interval - clock_timestamp())) * 1000
                            FROM unnest(b.calls) c WHERE c > clock_timestamp() - $2::interval
                           ORDER BY c DESC OFFSET $3 - 1 LIMIT 1), 0)
              ) AS wait_ms
         FROM upstream_budgets b WHERE b.key = $1`,
      [spec.key, window, spec.limit],
    )) as Array<{ wait_ms: string | number }>;
    if (!row) {
      await this.dataSource.query(`INSERT INTO upstream_budgets (key) VALUES ($1) ON CONFLICT (key) DO NOTHING`, [spec.key]);
      return undefined;
    }
    return Math.max(0, Math.ceil(Number(row.wait_ms)));
  }
}

function exhausted(waiter: Waiter, waitMs: number): DomainError {
  const { spec, system } = waiter;
  return new DomainError(
    'upstream_budget_exhausted',
    503,
    'Upstream budget exhausted',
    `The ${system} request budget for this connection (${spec.limit} per ${spec.windowMs / 1000} s) is used up; retry after the time in Retry-After.`,
    { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) },
  );
}
