import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';

export interface BudgetSpec {
  /** `shipstation:…` or `dear:…` */
  key: string;
  /** Calls allowed per window (ShipStation 40, DEAR 60 by default). */
  limit: number;
  windowMs: number;
}

/**
 * Extra room added to the window: our send time is not the upstream's receive time, so a call
 * sent just after our window ended can still land in the upstream's previous one.
 */
export function guardMs(windowMs: number): number {
  return Math.ceil(windowMs * 0.02) + 150;
}

/**
 * A sliding-window budget per upstream credential, kept in PostgreSQL so every instance draws
 * from the same one. At most `limit` calls start in any interval of `windowMs` (+ guard), which
 * also holds for whatever fixed window the upstream counts in. A caller waits for its turn
 * (bounded) instead of sending and bouncing off a 429; past the bound it gets a 503 problem
 * that says when to retry.
 */
export class RateBudget {
  constructor(private readonly dataSource: DataSource, private readonly maxWaitMs: number) {}

  /** Waits for a slot and records the call; returns the time waited in ms. */
  async take(spec: BudgetSpec, system: 'shipstation' | 'dear'): Promise<number> {
    const started = Date.now();
    const window = `${spec.windowMs + guardMs(spec.windowMs)} milliseconds`;
    await this.dataSource.query(`INSERT INTO upstream_budgets (key) VALUES ($1) ON CONFLICT (key) DO NOTHING`, [spec.key]);
    for (;;) {
      // One statement: the row lock serialises instances, and READ COMMITTED re-checks the
      // condition against the row another instance just updated.
      const taken: unknown[] = await this.dataSource.query(
        `UPDATE upstream_budgets b
            SET calls = ARRAY(SELECT c FROM unnest(b.calls) c WHERE c > clock_timestamp() - $2::interval ORDER BY c) || clock_timestamp()
          WHERE b.key = $1
            AND (b.blocked_until IS NULL OR b.blocked_until <= clock_timestamp())
            AND (SELECT count(*) FROM unnest(b.calls) c WHERE c > clock_timestamp() - $2::interval) < $3
        RETURNING 1`,
        [spec.key, window, spec.limit],
      );
      if (rowCount(taken) > 0) return Date.now() - started;
      const waitMs = await this.msUntilSlot(spec, window);
      const remaining = this.maxWaitMs - (Date.now() - started);
      if (waitMs > remaining) {
        throw new DomainError(
          'upstream_budget_exhausted',
          503,
          'Upstream budget exhausted',
          `The ${system} request budget for this connection (${spec.limit} per ${spec.windowMs / 1000} s) is used up; retry after the time in Retry-After.`,
          { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) },
        );
      }
      // A little jitter so waiting instances do not all wake at once.
      await sleep(Math.max(5, waitMs) + Math.random() * 20);
    }
  }

  /** The upstream said stop (429/503, or Remaining: 0): nobody calls until it says go. */
  async pauseUntil(key: string, until: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO upstream_budgets (key, blocked_until) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET blocked_until = GREATEST(COALESCE(upstream_budgets.blocked_until, $2), $2)`,
      [key, until],
    );
  }

  private async msUntilSlot(spec: BudgetSpec, window: string): Promise<number> {
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
    return Math.max(0, Math.ceil(Number(row?.wait_ms ?? 0)));
  }
}

function rowCount(result: unknown[]): number {
  // TypeORM returns [rows, affected] for UPDATE on PostgreSQL.
  return Array.isArray(result[0]) ? (result[0] as unknown[]).length : result.length;
}
