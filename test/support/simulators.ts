import { DearSimulator, DearSimulatorOptions, startDearSimulator } from '../../src/sandbox/dear/dear-simulator';
import { SEED } from '../../src/sandbox/dear/dear-seed';
import { DEFAULT_SHIPSTATION_CREDENTIALS, ShipStationSimulator, ShipStationSimulatorOptions, startShipStationSimulator } from '../../src/sandbox/shipstation/shipstation-simulator';
import { connectionBody } from '../factories/connection.factory';
import { after, afterEach, before } from 'node:test';
import { DataSource } from 'typeorm';
import { bearer, startTestApp, TestApp } from './test-app';

export interface Simulators {
  shipstation: ShipStationSimulator;
  dear: DearSimulator;
  close(): Promise<void>;
}

/** Both simulators on loopback ports, as the tests talk to them: over real HTTP. */
export async function startSimulators(opts: { shipstation?: ShipStationSimulatorOptions; dear?: DearSimulatorOptions } = {}): Promise<Simulators> {
  const [shipstation, dear] = await Promise.all([startShipStationSimulator(opts.shipstation), startDearSimulator(opts.dear)]);
  return { shipstation, dear, close: async () => void (await Promise.all([shipstation.close(), dear.close()])) };
}

/** Creates a connection whose upstreams are the simulators; returns its id. */
export async function connectToSimulators(t: TestApp, sims: Simulators, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http().post('/v1/connections').set(bearer(t.adminKey)).send(
    connectionBody({
      dear: { accountId: SEED.accountId, applicationKey: SEED.applicationKey, baseUrl: sims.dear.url },
      shipstation: { ...DEFAULT_SHIPSTATION_CREDENTIALS, baseUrl: sims.shipstation.url },
      ...overrides,
    }),
  );
  if (res.status !== 201) throw new Error(`could not create the connection: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export interface SimulatedApp {
  t: TestApp;
  sims: Simulators;
  /** A connection to the simulators, made once for the file. */
  connectionId: string;
}

/**
 * The fixture most e2e files share: registers hooks that start both simulators and the app once
 * (with one connection to them), give every test fresh simulator state and fresh upstream
 * budgets (a throttling test leaves a pause behind), and stop everything at the end. Read the
 * returned object's fields inside hooks and tests: they are set by the `before` hook.
 */
export function useSimulatedApp(opts: { env?: Record<string, string>; connection?: Record<string, unknown> } = {}): SimulatedApp {
  const app = {} as SimulatedApp;
  before(async () => {
    app.sims = await startSimulators();
    app.t = await startTestApp(opts.env);
    app.connectionId = await connectToSimulators(app.t, app.sims, opts.connection);
  });
  afterEach(async () => {
    app.sims.shipstation.reset();
    app.sims.dear.reset();
    await app.t.running.app.get(DataSource).query('DELETE FROM upstream_budgets');
  });
  after(async () => {
    await app.t?.close();
    await app.sims?.close();
  });
  return app;
}
