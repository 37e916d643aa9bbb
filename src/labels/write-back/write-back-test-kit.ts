/**
 * Test support for the write-back specs: a DearClient on the DEAR simulator over real HTTP with
 * the in-memory budget of test/support/upstream-test-kit.ts (as in dear.client.spec.ts), and a
 * record builder. Not a spec itself.
 */
import { toMinor } from '../../common/money/money';
import { SEED, startDearSimulator, type DearSimulator } from '../../sandbox/dear/dear-simulator';
import { DearClient } from '../../upstream/dear/dear.client';
import { DearDialect } from '../../upstream/dear/dear.dialect';
import type { UpstreamHttpClient } from '../../upstream/http/upstream-http-client';
import { testClientDeps, testHttpClient } from '../../../test/support/upstream-test-kit';
import type { ShipmentRecord } from './dear-write-back';

export async function startSim(): Promise<DearSimulator> {
  return startDearSimulator({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
}

/** The HTTP layer alone, for tests that subclass DearClient to play a concurrent DEAR user. */
export function dearHttp(sim: DearSimulator): UpstreamHttpClient {
  const deps = testClientDeps({ maxAttempts: 4 });
  return testHttpClient(new DearDialect(SEED.accountId, SEED.applicationKey, 1_000), sim.url, deps);
}

export function dearClient(sim: DearSimulator): DearClient {
  return new DearClient(dearHttp(sim));
}

/** Writes the simulator received (the idempotency tests count them). */
export function writes(sim: DearSimulator): number {
  return sim.requests.filter((r) => r.method === 'POST' || r.method === 'PUT').length;
}

export function shipRecord(overrides: Partial<ShipmentRecord> & Pick<ShipmentRecord, 'saleId' | 'fulfilmentTaskId' | 'trackingNumber'>): ShipmentRecord {
  return {
    carrierName: 'UPS',
    trackingUrl: `https://www.ups.com/track?tracknum=${overrides.trackingNumber}`,
    shipDate: new Date('2026-03-02T00:00:00Z'),
    shippingCost: toMinor(858),
    currency: 'USD',
    ...overrides,
  };
}
