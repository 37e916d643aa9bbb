import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { bearer, TestApp } from './test-app';

/** Settings that make the labels module's timers short enough for tests. */
export const LABEL_TEST_ENV = {
  UPSTREAM_BACKOFF_BASE_MS: '5',
  UPSTREAM_TIMEOUT_MS: '1500',
  UPSTREAM_BUDGET_WAIT_MS: '2000',
  WRITE_BACK_RETRY_DELAY_SECONDS: '1',
  LABEL_RECONCILE_INTERVAL_MS: '300',
};

export const SHIP_TO = { name: 'John Roe', street1: '350 5th Ave', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' };

/** Polls GET /v1/labels/{id} until `done(label)` or the time is up. */
export async function waitForLabel(t: TestApp, id: string, done: (label: any) => boolean, timeoutMs = 20_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  let last: any;
  while (Date.now() < until) {
    last = (await t.http().get(`/v1/labels/${id}`).set(bearer(t.adminKey))).body;
    if (done(last)) return last;
    await sleep(100);
  }
  throw new Error(`label ${id} did not reach the expected state: ${JSON.stringify(last)}`);
}

/** Each test starts with fresh budgets (a throttling test leaves a pause behind). */
export async function resetBudgets(t: TestApp): Promise<void> {
  await t.running.app.get(DataSource).query('DELETE FROM upstream_budgets');
}
