import { randomBytes } from 'node:crypto';

/** A valid POST /v1/connections body with unique secrets, so tests can search logs for them. */
export function connectionBody(overrides: Record<string, unknown> = {}) {
  const unique = randomBytes(6).toString('hex');
  return {
    name: `Acme ${unique}`,
    dear: { accountId: `acct-${unique}`, applicationKey: `dear-app-key-${unique}-SECRET`, baseUrl: 'http://127.0.0.1:9/ExternalApi/v2' },
    shipstation: { apiKey: `ss-api-key-${unique}-SECRET`, apiSecret: `ss-api-secret-${unique}-SECRET`, baseUrl: 'http://127.0.0.1:9' },
    shippingService: {
      enabled: true,
      currency: 'USD',
      shipFrom: { name: 'Acme Warehouse', street1: '500 Congress Ave', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' },
    },
    ...overrides,
  };
}
