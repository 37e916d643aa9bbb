import type { CarrierOption, ServicePricing, ShipStationState, Store } from './shipstation-types';

/**
 * Seed data: three connected carriers with services and packages named and coded as in
 * the reference (fact sheet §3 and the Swagger examples for /carriers, listservices,
 * listpackages), a manual store and a "Manual Orders" store (§9: manual stores have
 * marketplaceId 0, marketplaceName "ShipStation").
 */

interface ServiceSeed {
  code: string;
  name: string;
  domestic: boolean;
  international: boolean;
  pricing: ServicePricing;
}

const SERVICES: Record<string, ServiceSeed[]> = {
  stamps_com: [
    { code: 'usps_first_class_mail', name: 'USPS First Class Mail', domestic: true, international: false, pricing: { base: 3.5, perLb: 1.1, surcharge: 0 } },
    { code: 'usps_priority_mail', name: 'USPS Priority Mail', domestic: true, international: false, pricing: { base: 7.15, perLb: 1.45, surcharge: 0 } },
    { code: 'usps_priority_mail_express', name: 'USPS Priority Mail Express', domestic: true, international: false, pricing: { base: 26.35, perLb: 3.2, surcharge: 0 } },
    { code: 'usps_parcel_select', name: 'USPS Parcel Select Ground', domestic: true, international: false, pricing: { base: 6.6, perLb: 1.2, surcharge: 0 } },
    { code: 'usps_first_class_mail_international', name: 'USPS First Class Mail Intl', domestic: false, international: true, pricing: { base: 14.5, perLb: 4.1, surcharge: 0 } },
    { code: 'usps_priority_mail_international', name: 'USPS Priority Mail Intl', domestic: false, international: true, pricing: { base: 42.75, perLb: 5.3, surcharge: 0 } },
  ],
  ups: [
    { code: 'ups_ground', name: 'UPS® Ground', domestic: true, international: false, pricing: { base: 9.85, perLb: 0.95, surcharge: 0.155 } },
    { code: 'ups_3_day_select', name: 'UPS 3 Day Select®', domestic: true, international: false, pricing: { base: 17.2, perLb: 1.9, surcharge: 0.155 } },
    { code: 'ups_2nd_day_air', name: 'UPS 2nd Day Air®', domestic: true, international: false, pricing: { base: 22.6, perLb: 2.6, surcharge: 0.155 } },
    { code: 'ups_next_day_air', name: 'UPS Next Day Air®', domestic: true, international: false, pricing: { base: 48.3, perLb: 4.4, surcharge: 0.155 } },
    { code: 'ups_worldwide_expedited', name: 'UPS Worldwide Expedited®', domestic: false, international: true, pricing: { base: 78.4, perLb: 6.9, surcharge: 0.2 } },
    { code: 'ups_worldwide_saver', name: 'UPS Worldwide Saver®', domestic: false, international: true, pricing: { base: 88.1, perLb: 7.4, surcharge: 0.2 } },
  ],
  fedex: [
    { code: 'fedex_ground', name: 'FedEx Ground®', domestic: true, international: false, pricing: { base: 7.9, perLb: 0.9, surcharge: 0.04 } },
    { code: 'fedex_home_delivery', name: 'FedEx Home Delivery®', domestic: true, international: false, pricing: { base: 8.4, perLb: 0.9, surcharge: 0.04 } },
    { code: 'fedex_express_saver', name: 'FedEx Express Saver®', domestic: true, international: false, pricing: { base: 13.7, perLb: 1.6, surcharge: 0.03 } },
    { code: 'fedex_2day', name: 'FedEx 2Day®', domestic: true, international: false, pricing: { base: 19.2, perLb: 2.1, surcharge: 0.03 } },
    { code: 'fedex_2day_am', name: 'FedEx 2Day® A.M.', domestic: true, international: false, pricing: { base: 22.1, perLb: 2.3, surcharge: 0.03 } },
    { code: 'fedex_standard_overnight', name: 'FedEx Standard Overnight®', domestic: true, international: false, pricing: { base: 45.1, perLb: 3.9, surcharge: 0.03 } },
    { code: 'fedex_priority_overnight', name: 'FedEx Priority Overnight®', domestic: true, international: false, pricing: { base: 48.2, perLb: 4.2, surcharge: 0.03 } },
    { code: 'fedex_first_overnight', name: 'FedEx First Overnight®', domestic: true, international: false, pricing: { base: 84.3, perLb: 5.6, surcharge: 0.03 } },
    { code: 'fedex_international_economy', name: 'FedEx International Economy®', domestic: false, international: true, pricing: { base: 71.5, perLb: 6.2, surcharge: 0.05 } },
    { code: 'fedex_international_priority', name: 'FedEx International Priority®', domestic: false, international: true, pricing: { base: 93.4, perLb: 7.7, surcharge: 0.05 } },
  ],
};

const PACKAGES: Record<string, Array<[code: string, name: string, domestic: boolean, international: boolean]>> = {
  stamps_com: [
    ['package', 'Package', true, true],
    ['cubic', 'Cubic', true, false],
    ['flat_rate_envelope', 'Flat Rate Envelope', true, true],
    ['flat_rate_padded_envelope', 'Flat Rate Padded Envelope', true, true],
    ['large_envelope_or_flat', 'Large Envelope or Flat', true, true],
    ['letter', 'Letter', true, true],
    ['small_flat_rate_box', 'Small Flat Rate Box', true, true],
    ['medium_flat_rate_box', 'Medium Flat Rate Box', true, true],
    ['large_flat_rate_box', 'Large Flat Rate Box', true, true],
  ],
  ups: [
    ['package', 'Package', true, true],
    ['ups_letter', 'UPS Letter', true, true],
    ['ups_pak', 'UPS Pak', true, true],
    ['ups__express_box_small', 'UPS Express® Box - Small', true, true],
  ],
  fedex: [
    ['package', 'Package', true, true],
    ['fedex_envelope', 'FedEx® Envelope', true, true],
    ['fedex_pak', 'FedEx® Pak', true, true],
    ['fedex_box_small', 'FedEx® Small Box', true, true],
  ],
};

/** Maximum billable weight per carrier in ounces (fact sheet §11.7: ~70 lb USPS). */
export const MAX_WEIGHT_OZ: Record<string, number> = { stamps_com: 70 * 16, ups: 150 * 16, fedex: 150 * 16 };

/** Void window per carrier in days: USPS labels can be refunded for ~30 days, UPS/FedEx shorter. */
export const VOID_WINDOW_DAYS: Record<string, number> = { stamps_com: 30, ups: 90, fedex: 60 };

export function seedState(now: Date): ShipStationState {
  const services: CarrierOption[] = [];
  const pricing = new Map<string, ServicePricing>();
  for (const [carrierCode, list] of Object.entries(SERVICES)) {
    for (const s of list) {
      services.push({ carrierCode, code: s.code, name: s.name, domestic: s.domestic, international: s.international });
      pricing.set(s.code, s.pricing);
    }
  }
  const packages: CarrierOption[] = Object.entries(PACKAGES).flatMap(([carrierCode, list]) =>
    list.map(([code, name, domestic, international]) => ({ carrierCode, code, name, domestic, international })),
  );
  const day = 86_400_000;
  const store = (storeId: number, storeName: string, ageDays: number): Store => ({
    storeId,
    storeName,
    marketplaceId: 0,
    marketplaceName: 'ShipStation',
    accountName: null,
    email: null,
    integrationUrl: null,
    active: true,
    companyName: '',
    phone: '',
    publicEmail: 'sandbox@example.test',
    website: '',
    refreshDate: new Date(now.getTime() - day),
    lastRefreshAttempt: new Date(now.getTime() - day),
    createDate: new Date(now.getTime() - ageDays * day),
    modifyDate: new Date(now.getTime() - ageDays * day),
    autoRefresh: false,
  });
  return {
    carriers: [
      { name: 'Stamps.com', code: 'stamps_com', accountNumber: 'SS123', requiresFundedAccount: true, balance: 524.27, nickname: null, shippingProviderId: 12345, primary: true },
      { name: 'UPS', code: 'ups', accountNumber: 'ABCR80', requiresFundedAccount: false, balance: 0, nickname: null, shippingProviderId: 12347, primary: true },
      // The reference shows FedEx's accountNumber as a JSON number (§3).
      { name: 'FedEx', code: 'fedex', accountNumber: 297929999, requiresFundedAccount: false, balance: 0, nickname: 'SS', shippingProviderId: 12348, primary: true },
    ],
    services,
    packages,
    pricing,
    stores: [store(22766, 'ShipStation Manual Store', 400), store(22767, 'Manual Orders', 200)],
    orders: [],
    shipments: [],
    webhooks: [],
    productIds: new Map(),
    warehouseId: 98765,
    sellerId: 100000,
    userId: '123456ab-ab12-3c4d-5e67-89f1abc1defa',
    ids: { order: 140335319, orderItem: 192210956, shipment: 72513480, webhook: 123456, customer: 63310475, batch: 100301, product: 11780609, customsItem: 11558267 },
  };
}
