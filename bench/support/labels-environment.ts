/**
 * The environment of the labels burst (bench/labels.bench.ts, part 2): like
 * support/environment.ts, except that DEAR runs at its REAL budget on both sides:
 *
 * - the DEAR simulator limits the account to 60 calls per fixed 60 000 ms window and answers
 *   429 with `Retry-After` beyond that (its default, dear.md §1.4);
 * - the service runs with `UPSTREAM_WINDOW_MS=60000` (the production default) and the
 *   connection's `limits.dearPerMinute` 60;
 * - ShipStation stays opened up (simulator 1,000,000/min, connection 1000/min): it is not what is
 *   measured here;
 * - the connection's freight mode is `none`, so a write-back costs the fewest DEAR calls (one
 *   `GET /sale`, one `POST /sale/fulfilment/ship`).
 *
 * Everything else is the production default (UPSTREAM_BUDGET_WAIT_MS unless BENCH_LABELS_BUDGET_WAIT_MS
 * overrides it for a diagnostic run, WRITE_BACK_* …).
 */
import type { RateLimitConfig } from '../../src/sandbox/dear/dear-simulator';
import { BenchEnvironment, startBenchEnvironment } from './environment';

/** DEAR's real budget (reference/dear.md §1.4), on the simulator and in the service. */
export const DEAR_REAL_LIMIT: Required<RateLimitConfig> = { limit: 60, windowMs: 60_000, throttleStyle: '429', retryAfter: 'seconds' };
export const SERVICE_WINDOW_MS = 60_000;
export const SERVICE_DEAR_PER_MINUTE = 60;
const SHIPSTATION_OPEN = { limit: 1_000_000, windowMs: 60_000 };
const SERVICE_SHIPSTATION_PER_MINUTE = 1000;

export type LabelsBurstEnvironment = BenchEnvironment;

export function startLabelsBurstEnvironment(): Promise<LabelsBurstEnvironment> {
  return startBenchEnvironment({
    simulatorLimits: { shipstation: SHIPSTATION_OPEN, dear: DEAR_REAL_LIMIT },
    env: {
      UPSTREAM_WINDOW_MS: String(SERVICE_WINDOW_MS),
      // Diagnostic knob only (default: the production default): how long a call may wait for a budget slot.
      ...(process.env.BENCH_LABELS_BUDGET_WAIT_MS ? { UPSTREAM_BUDGET_WAIT_MS: process.env.BENCH_LABELS_BUDGET_WAIT_MS } : {}),
    },
    limits: { shipstationPerMinute: SERVICE_SHIPSTATION_PER_MINUTE, dearPerMinute: SERVICE_DEAR_PER_MINUTE },
    shippingService: { freight: { mode: 'none' } },
    budgetNote: (config) =>
      `DEAR at its real budget: simulator ${DEAR_REAL_LIMIT.limit} calls per fixed ${DEAR_REAL_LIMIT.windowMs / 1000} s window (429 + Retry-After beyond), ` +
      `service UPSTREAM_WINDOW_MS=${SERVICE_WINDOW_MS}, limits.dearPerMinute=${SERVICE_DEAR_PER_MINUTE}, UPSTREAM_BUDGET_WAIT_MS=${config.upstreamBudgetWaitMs}; ` +
      `ShipStation opened up (simulator ${SHIPSTATION_OPEN.limit.toLocaleString('en-US')}/min, limits.shipstationPerMinute=${SERVICE_SHIPSTATION_PER_MINUTE}); freight mode none.`,
  });
}
