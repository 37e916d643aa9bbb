import type { Logger } from 'pino';
import { createLogger } from '../../src/logging/logger';
import { Metrics } from '../../src/metrics/metrics';
import type { BudgetSpec, RateBudget } from '../../src/upstream/budget/rate-budget';
import { UpstreamClientDeps, UpstreamDialect, UpstreamHttpClient } from '../../src/upstream/http/upstream-http-client';

/**
 * An in-memory stand-in for the PostgreSQL budget, for client tests that are about HTTP and
 * error handling; it records the pauses the upstream asked for. The real budget is tested on
 * PostgreSQL in test/integration/rate-budget.int.test.ts.
 */
export class RecordingBudget {
  readonly pauses: Array<{ key: string; ms: number }> = [];
  takes = 0;

  async take(_spec: BudgetSpec): Promise<number> {
    this.takes++;
    return 0;
  }

  async pauseUntil(key: string, until: Date): Promise<void> {
    this.pauses.push({ key, ms: until.getTime() - Date.now() });
  }
}

export function testClientDeps(overrides: Partial<UpstreamClientDeps> = {}): UpstreamClientDeps & { recording: RecordingBudget; logger: Logger } {
  const recording = new RecordingBudget();
  return {
    budget: recording as unknown as RateBudget,
    metrics: new Metrics(),
    logger: createLogger('silent'),
    timeoutMs: 2000,
    maxAttempts: 3,
    backoffBaseMs: 5,
    recording,
    ...overrides,
  };
}

export function testHttpClient(dialect: UpstreamDialect, baseUrl: string, deps: UpstreamClientDeps): UpstreamHttpClient {
  return new UpstreamHttpClient(dialect, baseUrl, { key: `${dialect.system}:test`, limit: 1000, windowMs: 60_000 }, deps);
}
