import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConnectionsService } from '../connections/connections.service';
import { startDearSimulator } from './dear/dear-simulator';
import { SEED } from './dear/dear-seed';
import { DEFAULT_SHIPSTATION_CREDENTIALS, startShipStationSimulator } from './shipstation/shipstation-simulator';

export interface Sandbox {
  shipstationUrl: string;
  dearUrl: string;
  connectionId: string;
  close(): Promise<void>;
}

/**
 * Development sandbox (SPEC §8): both simulators on loopback ports, with their real rate limits,
 * and a "Sandbox" connection pointing at them, created once. The simulators get new ports on
 * every start, so the connection's base URLs are refreshed each time; their data lives in
 * memory and starts from the seed again.
 */
export async function startSandbox(app: INestApplication, logger: Logger): Promise<Sandbox> {
  const [shipstation, dear] = await Promise.all([startShipStationSimulator(), startDearSimulator()]);
  try {
    const connections = app.get(ConnectionsService);
    const existing = await connections.findSandbox();
    const urls = { dear: { baseUrl: dear.url }, shipstation: { baseUrl: shipstation.url } };
    const connection = existing
      ? await connections.update(existing.id, urls)
      : await connections.create(
          {
            name: 'Sandbox',
            dear: { accountId: SEED.accountId, applicationKey: SEED.applicationKey, baseUrl: dear.url },
            shipstation: { ...DEFAULT_SHIPSTATION_CREDENTIALS, baseUrl: shipstation.url },
            shippingService: {
              enabled: true,
              currency: 'USD',
              shipFrom: { name: 'Sandbox Warehouse', company: 'Sandbox Trading Co', street1: '500 Congress Ave', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US', phone: '+1 512 555 0100' },
              freight: { mode: 'invoice_charge', productName: 'Freight' },
            },
          },
          { sandbox: true },
        );
    logger.info({ connectionId: connection.id, shipstation: shipstation.url, dear: dear.url }, 'sandbox ready');
    return {
      shipstationUrl: shipstation.url,
      dearUrl: dear.url,
      connectionId: connection.id,
      async close() {
        await Promise.all([shipstation.close(), dear.close()]);
      },
    };
  } catch (error) {
    await Promise.all([shipstation.close(), dear.close()]);
    throw error;
  }
}
