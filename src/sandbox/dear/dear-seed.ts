/**
 * Deterministic seed for the DEAR simulator: sales covering every field of SPEC
 * Appendix A "Where each field comes from" and every eligibility/skip rule. Times are
 * relative to the simulator clock (so `UpdatedSince` windows near "now" contain them);
 * everything else is fixed. `SEED` names the interesting sales for tests.
 */
import { COMPANY, PRODUCT_IDS, seedCarriers, seedFamilies, seedLocations, seedProducts } from './dear-catalog-seed';
import type {
  AdditionalCharge,
  DearState,
  Fulfilment,
  Invoice,
  Payment,
  Product,
  Sale,
  SaleLine,
  ShippingAddress,
} from './dear-types';
import { formatDateOnly, round4, seedGuid } from './dear-util';

type Stage =
  | 'quote' // quote DRAFT, order NOT AVAILABLE
  | 'orderDraft' // order DRAFT (not authorised)
  | 'ordered' // order AUTHORISED, nothing picked
  | 'backordered'
  | 'pickDraft'
  | 'picked'
  | 'packDraft'
  | 'packed'
  | 'shipDraft' // ship DRAFT, no tracking
  | 'tracked' // ship DRAFT with a tracking number already on a line
  | 'shipped' // ship AUTHORISED, every box shipped with tracking
  | 'voided';

interface LineSpec {
  sku: string;
  qty: number;
  price?: number;
  discount?: number;
  /** pick location; default `Main Warehouse: A-01-03`-style bin by line index */
  location?: string;
  box?: string;
}

interface AddressSpec {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
  company?: string;
}

interface SaleSpec {
  key: string;
  customer: string;
  contact: string;
  email: string;
  phone: string;
  address: AddressSpec | 'empty' | 'nulls';
  lines: LineSpec[];
  stage: Stage;
  carrier?: string;
  charges?: Array<{ description: string; price: number }>;
  invoice?: 'draft' | 'authorised';
  payments?: Array<{ account: string; amount: number | 'full'; kind: 'prepayment' | 'payment' }>;
  terms?: string;
  gift?: [string, string];
  note?: string;
  shippingNotes?: string;
  taxRate?: number;
  advanced?: Array<{ stage: Stage; lineIdx: number[] }>;
  sourceChannel?: string | null;
  shipBy?: number; // days from now
  customerReference?: string;
}

const US = (line1: string, city: string, state: string, postcode: string, line2?: string): AddressSpec => ({
  line1,
  line2,
  city,
  state,
  postcode,
  country: 'United States',
});

/** The sales. Keys double as the SEED index names. */
const SALES: SaleSpec[] = [
  { key: 'packedOneBox', customer: 'Olivia Bennett', contact: 'Olivia Bennett', email: 'olivia.bennett@example.com', phone: '+1 512-555-0101', address: US('742 Evergreen Terrace', 'Austin', 'Texas', '78704'), lines: [{ sku: 'TEE-BLK-M', qty: 2 }, { sku: 'MUG-CER-11', qty: 1 }], stage: 'packed', carrier: 'UPS Ground', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }], note: 'Repeat customer - VIP', shippingNotes: 'Leave at the side door.' },
  { key: 'packedTwoBoxes', customer: 'Marcus Lee', contact: 'Marcus Lee', email: 'marcus.lee@example.com', phone: '+1 206-555-0142', address: US('1501 Pike Place', 'Seattle', 'Washington', '98101', 'Apt 5C'), lines: [{ sku: 'KETTLE-EL', qty: 1, box: 'Box 1' }, { sku: 'NOTE-HC-A5', qty: 3, box: 'Box 2' }, { sku: 'SOCKS-3PK', qty: 1, box: 'Box 2' }], stage: 'packed', carrier: 'FedEx 2Day', payments: [{ account: 'Stripe', amount: 'full', kind: 'prepayment' }], shippingNotes: 'Please ring the bell twice.' },
  { key: 'packedThreeBoxes', customer: 'Harper Office Supply', contact: 'Dana Harper', email: 'purchasing@harperoffice.example', phone: '+1 303-555-0199', address: { ...US('4000 Blake Street', 'Denver', 'Colorado', '80205'), company: 'Harper Office Supply' }, lines: [{ sku: 'CHAIR-OFC', qty: 1, box: 'Box 1' }, { sku: 'CHAIR-OFC', qty: 1, box: 'Box 2' }, { sku: 'LAMP-DESK', qty: 2, box: 'Box 3' }], stage: 'packed', carrier: 'UPS Freight', terms: '30 days', invoice: 'authorised', note: 'Net 30 account; dock hours 8-4.' },
  { key: 'pickedNotPacked', customer: 'Sofia Alvarez', contact: 'Sofia Alvarez', email: 'sofia.alvarez@example.com', phone: '+1 305-555-0123', address: US('88 Ocean Drive', 'Miami Beach', 'Florida', '33139'), lines: [{ sku: 'CANDLE-LAV', qty: 4 }], stage: 'picked', carrier: 'USPS Priority Mail', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }] },
  { key: 'packDraft', customer: 'Ethan Brooks', contact: 'Ethan Brooks', email: 'ethan.brooks@example.com', phone: '+1 617-555-0188', address: US('12 Beacon Street', 'Boston', 'Massachusetts', '02108'), lines: [{ sku: 'HOOD-NVY-S', qty: 1 }, { sku: 'TEE-WHT-M', qty: 1 }], stage: 'packDraft', carrier: 'USPS Ground Advantage', payments: [{ account: 'Shopify Payments', amount: 'full', kind: 'prepayment' }] },
  { key: 'pickDraft', customer: 'Grace Kim', contact: 'Grace Kim', email: 'grace.kim@example.com', phone: '+1 415-555-0170', address: US('500 Market Street', 'San Francisco', 'California', '94105'), lines: [{ sku: 'POSTER-A2', qty: 2 }], stage: 'pickDraft', carrier: 'USPS First Class' },
  { key: 'orderedNotPicked', customer: 'Noah Patel', contact: 'Noah Patel', email: 'noah.patel@example.com', phone: '+1 312-555-0111', address: US('233 S Wacker Drive', 'Chicago', 'Illinois', '60606'), lines: [{ sku: 'MUG-CER-11', qty: 4 }], stage: 'ordered', carrier: 'UPS Ground', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }] },
  { key: 'notAuthorised', customer: 'Ava Thompson', contact: 'Ava Thompson', email: 'ava.thompson@example.com', phone: '+1 646-555-0155', address: US('350 Fifth Avenue', 'New York', 'New York', '10118'), lines: [{ sku: 'TEE-BLK-L', qty: 1 }], stage: 'orderDraft', carrier: 'USPS Priority Mail' },
  { key: 'quoteOnly', customer: 'Lakeside Cafe', contact: 'Ben Ortiz', email: 'ben@lakesidecafe.example', phone: '+1 608-555-0133', address: US('1 Lake Road', 'Madison', 'Wisconsin', '53703'), lines: [{ sku: 'MUG-CER-11', qty: 24, discount: 10 }], stage: 'quote', terms: '30 days' },
  { key: 'voided', customer: 'Liam Carter', contact: 'Liam Carter', email: 'liam.carter@example.com', phone: '+1 702-555-0166', address: US('3600 Las Vegas Blvd S', 'Las Vegas', 'Nevada', '89109'), lines: [{ sku: 'KETTLE-EL', qty: 1 }], stage: 'voided', carrier: 'UPS Ground', note: 'Customer cancelled by phone.' },
  { key: 'backordered', customer: 'Mia Robinson', contact: 'Mia Robinson', email: 'mia.robinson@example.com', phone: '+1 503-555-0177', address: US('1005 W Burnside Street', 'Portland', 'Oregon', '97209'), lines: [{ sku: 'LAMP-DESK', qty: 2 }, { sku: 'TEE-BLK-M', qty: 1 }], stage: 'backordered', carrier: 'FedEx Ground', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }] },
  { key: 'noShippingAddress', customer: 'Walk-in Customer', contact: 'Jordan Blake', email: 'jordan.blake@example.com', phone: '+1 512-555-0109', address: 'empty', lines: [{ sku: 'SOCKS-3PK', qty: 2 }], stage: 'packed', carrier: 'Store pickup', payments: [{ account: 'Cash', amount: 'full', kind: 'prepayment' }] },
  { key: 'noShippingAddressNulls', customer: 'Phone Order', contact: 'Casey Morgan', email: 'casey.morgan@example.com', phone: '+1 512-555-0110', address: 'nulls', lines: [{ sku: 'NOTE-HC-A5', qty: 1 }], stage: 'packed', carrier: 'UPS Ground' },
  { key: 'alreadyTracked', customer: 'Isabella Nguyen', contact: 'Isabella Nguyen', email: 'isabella.nguyen@example.com', phone: '+1 713-555-0144', address: US('1600 Smith Street', 'Houston', 'Texas', '77002'), lines: [{ sku: 'HOOD-NVY-M', qty: 1 }], stage: 'tracked', carrier: 'UPS Ground', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }] },
  { key: 'shipped', customer: 'James Wilson', contact: 'James Wilson', email: 'james.wilson@example.com', phone: '+1 404-555-0122', address: US('191 Peachtree Street NE', 'Atlanta', 'Georgia', '30303'), lines: [{ sku: 'TEE-WHT-M', qty: 2, box: 'Box 1' }, { sku: 'SOCKS-3PK', qty: 2, box: 'Box 2' }], stage: 'shipped', carrier: 'USPS Priority Mail', invoice: 'authorised', payments: [{ account: 'PayPal', amount: 'full', kind: 'payment' }] },
  { key: 'shipDraft', customer: 'Chloe Martin', contact: 'Chloe Martin', email: 'chloe.martin@example.com', phone: '+1 615-555-0190', address: US('401 Broadway', 'Nashville', 'Tennessee', '37203'), lines: [{ sku: 'CANDLE-LAV', qty: 2 }], stage: 'shipDraft', carrier: 'USPS Ground Advantage', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }], shipBy: 2 },
  { key: 'canada', customer: 'Emma Tremblay', contact: 'Emma Tremblay', email: 'emma.tremblay@example.ca', phone: '+1 416-555-0147', address: { line1: '100 Queen Street West', city: 'Toronto', state: 'Ontario', postcode: 'M5H 2N2', country: 'Canada' }, lines: [{ sku: 'HOOD-NVY-S', qty: 1 }, { sku: 'TEE-BLK-M', qty: 1 }], stage: 'packed', carrier: 'Canada Post Expedited', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }] },
  { key: 'unitedKingdom', customer: 'Oliver Hughes', contact: 'Oliver Hughes', email: 'oliver.hughes@example.co.uk', phone: '+44 20 7946 0958', address: { line1: '221B Baker Street', city: 'London', state: 'Greater London', postcode: 'NW1 6XE', country: 'United Kingdom' }, lines: [{ sku: 'NOTE-HC-A5', qty: 2, box: 'Box 1' }, { sku: 'POSTER-A2', qty: 1, box: 'Box 2' }], stage: 'packed', carrier: 'DHL Express Worldwide', payments: [{ account: 'Stripe', amount: 'full', kind: 'prepayment' }] },
  { key: 'australia', customer: 'Charlotte Walker', contact: 'Charlotte Walker', email: 'charlotte.walker@example.com.au', phone: '+61 2 9374 4000', address: { line1: '1 Macquarie Street', line2: 'Level 3', city: 'Sydney', state: 'New South Wales', postcode: '2000', country: 'Australia' }, lines: [{ sku: 'MUG-CER-11', qty: 2 }], stage: 'packed', carrier: 'Australia Post International', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }] },
  { key: 'discountedLines', customer: 'Lucas Green', contact: 'Lucas Green', email: 'lucas.green@example.com', phone: '+1 720-555-0114', address: US('1437 Bannock Street', 'Denver', 'Colorado', '80202'), lines: [{ sku: 'TEE-BLK-M', qty: 2, discount: 10 }, { sku: 'HOOD-NVY-M', qty: 1, discount: 15 }], stage: 'packed', carrier: 'UPS Ground', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }] },
  { key: 'couponCharge', customer: 'Amelia Scott', contact: 'Amelia Scott', email: 'amelia.scott@example.com', phone: '+1 919-555-0138', address: US('301 Fayetteville Street', 'Raleigh', 'North Carolina', '27601'), lines: [{ sku: 'CANDLE-LAV', qty: 3 }], charges: [{ description: 'Coupon WELCOME10', price: -5.7 }, { description: 'Freight', price: 6.95 }], stage: 'packed', carrier: 'USPS Priority Mail', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }] },
  { key: 'giftOrder', customer: 'Henry Adams', contact: 'Henry Adams', email: 'henry.adams@example.com', phone: '+1 802-555-0161', address: US('22 Church Street', 'Burlington', 'Vermont', '05401'), lines: [{ sku: 'CANDLE-LAV', qty: 1 }, { sku: 'GIFT-WRAP', qty: 1 }], gift: ['Yes', 'Happy birthday, Sam! Love, Alex'], stage: 'packed', carrier: 'USPS Priority Mail', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }], shippingNotes: 'Gift - do not include prices.' },
  { key: 'giftOrderTrueLowercase', customer: 'Evelyn Clark', contact: 'Evelyn Clark', email: 'evelyn.clark@example.com', phone: '+1 480-555-0127', address: US('2 N Central Avenue', 'Phoenix', 'Arizona', '85004'), lines: [{ sku: 'MUG-CER-11', qty: 1 }], gift: ['true', 'Congratulations on the new job!'], stage: 'packed', carrier: 'UPS Ground', payments: [{ account: 'Stripe', amount: 'full', kind: 'prepayment' }] },
  { key: 'notGift', customer: 'Daniel Lewis', contact: 'Daniel Lewis', email: 'daniel.lewis@example.com', phone: '+1 314-555-0184', address: US('1 Gateway Arch', 'St. Louis', 'Missouri', '63102'), lines: [{ sku: 'SOCKS-3PK', qty: 3 }], gift: ['No', ''], stage: 'packed', carrier: 'USPS Ground Advantage', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }] },
  { key: 'termsUnpaid', customer: 'Northwind Traders', contact: 'Priya Shah', email: 'ap@northwind.example', phone: '+1 425-555-0100', address: { ...US('1 Microsoft Way', 'Redmond', 'Washington', '98052'), company: 'Northwind Traders' }, lines: [{ sku: 'NOTE-HC-A5', qty: 20, price: 15 }], stage: 'packed', carrier: 'FedEx Ground', terms: '30 days', invoice: 'authorised', customerReference: 'PO-77812' },
  { key: 'prepaidStripe', customer: 'Zoe Turner', contact: 'Zoe Turner', email: 'zoe.turner@example.com', phone: '+1 801-555-0108', address: US('50 S Main Street', 'Salt Lake City', 'Utah', '84101'), lines: [{ sku: 'KETTLE-EL', qty: 1 }], stage: 'packed', carrier: 'UPS 2nd Day Air', payments: [{ account: 'Stripe', amount: 'full', kind: 'prepayment' }] },
  { key: 'partiallyPaid', customer: 'Jack Harris', contact: 'Jack Harris', email: 'jack.harris@example.com', phone: '+1 612-555-0193', address: US('80 S 8th Street', 'Minneapolis', 'Minnesota', '55402'), lines: [{ sku: 'CHAIR-OFC', qty: 1 }], stage: 'packed', carrier: 'FedEx Ground', payments: [{ account: 'PayPal', amount: 100, kind: 'prepayment' }, { account: 'Gift Card', amount: 50, kind: 'prepayment' }] },
  { key: 'specialCharacters', customer: 'Ü & Co. <Müller>', contact: 'Jürgen "JJ" Müller', email: 'jj.muller@example.de', phone: '+1 212-555-0119', address: US('10 Columbus Circle', 'New York', 'New York', '10019', 'c/o "Suite" <9> & more'), lines: [{ sku: 'POSTER-A2', qty: 1 }], stage: 'packed', carrier: 'UPS Ground', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }], note: 'Contains ]]> and <tags> & ampersands\u0007 plus a bell char.', shippingNotes: 'Café door — use the side entrance; "fragile" <glass>.' },
  { key: 'mixedWeightUnits', customer: 'Ruby Young', contact: 'Ruby Young', email: 'ruby.young@example.com', phone: '+1 503-555-0121', address: US('700 NE Multnomah Street', 'Portland', 'Oregon', '97232'), lines: [{ sku: 'TEE-BLK-M', qty: 1, box: 'Box 1' }, { sku: 'MUG-CER-11', qty: 1, box: 'Box 1' }, { sku: 'NOTE-HC-A5', qty: 1, box: 'Box 2' }, { sku: 'KETTLE-EL', qty: 1, box: 'Box 2' }], stage: 'packed', carrier: 'UPS Ground', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }] },
  { key: 'stockLocatorFallback', customer: 'Leo Walker', contact: 'Leo Walker', email: 'leo.walker@example.com', phone: '+1 512-555-0130', address: US('2100 Guadalupe Street', 'Austin', 'Texas', '78705'), lines: [{ sku: 'TEE-WHT-M', qty: 1, location: 'Main Warehouse' }, { sku: 'SOCKS-3PK', qty: 1, location: 'Overflow Store' }], stage: 'packed', carrier: 'USPS Ground Advantage', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }] },
  { key: 'draftInvoiceWithFreight', customer: 'Hannah Baker', contact: 'Hannah Baker', email: 'hannah.baker@example.com', phone: '+1 916-555-0102', address: US('1315 10th Street', 'Sacramento', 'California', '95814'), lines: [{ sku: 'HOOD-NVY-M', qty: 2 }], charges: [{ description: 'Freight', price: 0 }], invoice: 'draft', stage: 'packed', carrier: 'UPS Ground', terms: '15 days' },
  { key: 'taxedSale', customer: 'Samuel King', contact: 'Samuel King', email: 'samuel.king@example.com', phone: '+1 512-555-0140', address: US('500 E Cesar Chavez Street', 'Austin', 'Texas', '78701'), lines: [{ sku: 'KETTLE-EL', qty: 1 }, { sku: 'MUG-CER-11', qty: 2 }], taxRate: 0.0825, stage: 'packed', carrier: 'UPS Ground', payments: [{ account: 'PayPal', amount: 'full', kind: 'prepayment' }], sourceChannel: 'Shopify' },
  { key: 'advancedTwoFulfilments', customer: 'Bluebird Boutique', contact: 'Nora Quinn', email: 'orders@bluebird.example', phone: '+1 843-555-0172', address: { ...US('145 King Street', 'Charleston', 'South Carolina', '29401'), company: 'Bluebird Boutique' }, lines: [{ sku: 'TEE-BLK-M', qty: 5, box: 'Box 1' }, { sku: 'TEE-WHT-M', qty: 5, box: 'Box 2' }, { sku: 'HOOD-NVY-S', qty: 2 }], stage: 'packed', advanced: [{ stage: 'packed', lineIdx: [0, 1] }, { stage: 'picked', lineIdx: [2] }], carrier: 'UPS Ground', terms: '30 days', invoice: 'draft' },
  { key: 'advancedPartiallyShipped', customer: 'Cedar & Pine Co.', contact: 'Owen Reyes', email: 'owen@cedarpine.example', phone: '+1 207-555-0186', address: { ...US('1 Portland Pier', 'Portland', 'Maine', '04101'), company: 'Cedar & Pine Co.' }, lines: [{ sku: 'CANDLE-LAV', qty: 6, box: 'Box 1' }, { sku: 'MUG-CER-11', qty: 6, box: 'Box 1' }], stage: 'packed', advanced: [{ stage: 'shipped', lineIdx: [0] }, { stage: 'packed', lineIdx: [1] }], carrier: 'FedEx Ground', terms: '30 days' },
  { key: 'amazonChannel', customer: 'Amazon Customer', contact: 'Kevin Wright', email: 'x7k2m9q4b1@marketplace.amazon.com', phone: '+1 206-555-0100', address: US('410 Terry Avenue N', 'Seattle', 'Washington', '98109'), lines: [{ sku: 'SOCKS-3PK', qty: 1 }], stage: 'packed', carrier: 'Amazon Standard', payments: [{ account: 'Amazon', amount: 'full', kind: 'prepayment' }], sourceChannel: 'Amazon_US' },
];

/** Fillers: ordinary packed sales so pages, windows and exports have volume. */
const FILLER_CITIES: Array<[string, string, string, string]> = [
  ['18 Elm Street', 'Springfield', 'Illinois', '62701'],
  ['77 Maple Avenue', 'Columbus', 'Ohio', '43215'],
  ['9 Pine Road', 'Boise', 'Idaho', '83702'],
  ['310 Oak Lane', 'Richmond', 'Virginia', '23219'],
  ['55 Cedar Court', 'Omaha', 'Nebraska', '68102'],
  ['2 Birch Way', 'Anchorage', 'Alaska', '99501'],
  ['64 Willow Drive', 'Honolulu', 'Hawaii', '96813'],
  ['120 Aspen Place', 'Santa Fe', 'New Mexico', '87501'],
];
const FILLER_SKUS = ['TEE-BLK-M', 'MUG-CER-11', 'NOTE-HC-A5', 'CANDLE-LAV', 'SOCKS-3PK', 'POSTER-A2', 'TEE-BLK-L', 'HOOD-NVY-M'];
FILLER_CITIES.forEach(([line1, city, state, postcode], i) => {
  const first = ['Ella', 'Mason', 'Lily', 'Logan', 'Aria', 'Wyatt', 'Nora', 'Caleb'][i];
  SALES.push({
    key: `filler${i + 1}`,
    customer: `${first} Fisher`,
    contact: `${first} Fisher`,
    email: `${first.toLowerCase()}.fisher@example.com`,
    phone: `+1 555-010-${(2000 + i).toString()}`,
    address: US(line1, city, state, postcode),
    lines: [{ sku: FILLER_SKUS[i], qty: 1 + (i % 3) }],
    stage: i % 4 === 3 ? 'ordered' : 'packed',
    carrier: i % 2 === 0 ? 'USPS Priority Mail' : 'UPS Ground',
    payments: [{ account: i % 2 === 0 ? 'PayPal' : 'Stripe', amount: 'full', kind: 'prepayment' }],
  });
});

/** Typed index of the seed for tests: `SEED.saleIds.packedTwoBoxes` etc. */
export const SEED = {
  accountId: 'sandbox-dear-account',
  applicationKey: 'sandbox-dear-key',
  saleIds: Object.fromEntries(SALES.map((s) => [s.key, seedGuid(`sale:${s.key}`)])) as Record<SeedSaleKey, string>,
  /** Sale keys in seed order (order numbers SO-01001, SO-01002, ...). */
  saleKeys: SALES.map((s) => s.key) as SeedSaleKey[],
  productIds: PRODUCT_IDS,
  /** Fulfilment task ids of the advanced sales (index = FulfillmentNumber - 1). */
  taskIds: {
    advancedTwoFulfilments: [seedGuid('task:advancedTwoFulfilments:1'), seedGuid('task:advancedTwoFulfilments:2')],
    advancedPartiallyShipped: [seedGuid('task:advancedPartiallyShipped:1'), seedGuid('task:advancedPartiallyShipped:2')],
  },
  locations: { main: 'Main Warehouse', mainBin: 'Main Warehouse: A-01-03', overflow: 'Overflow Store' },
  giftAttribute: 'AdditionalAttribute1',
  giftMessageAttribute: 'AdditionalAttribute2',
  /** The tracking number already on `alreadyTracked` and on `shipped`'s boxes. */
  trackingNumbers: { alreadyTracked: '1Z999AA10123456784', shipped: ['9400111899223197428490', '9400111899223197428491'] },
} as const;

export type SeedSaleKey =
  | 'packedOneBox' | 'packedTwoBoxes' | 'packedThreeBoxes' | 'pickedNotPacked' | 'packDraft' | 'pickDraft'
  | 'orderedNotPicked' | 'notAuthorised' | 'quoteOnly' | 'voided' | 'backordered' | 'noShippingAddress'
  | 'noShippingAddressNulls' | 'alreadyTracked' | 'shipped' | 'shipDraft' | 'canada' | 'unitedKingdom' | 'australia'
  | 'discountedLines' | 'couponCharge' | 'giftOrder' | 'giftOrderTrueLowercase' | 'notGift' | 'termsUnpaid'
  | 'prepaidStripe' | 'partiallyPaid' | 'specialCharacters' | 'mixedWeightUnits' | 'stockLocatorFallback'
  | 'draftInvoiceWithFreight' | 'taxedSale' | 'advancedTwoFulfilments' | 'advancedPartiallyShipped' | 'amazonChannel'
  | `filler${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`;

const STAGE_ORDER: Stage[] = ['quote', 'orderDraft', 'ordered', 'backordered', 'pickDraft', 'picked', 'packDraft', 'packed', 'shipDraft', 'tracked', 'shipped'];
const atLeast = (s: Stage, min: Stage) => s !== 'voided' && STAGE_ORDER.indexOf(s) >= STAGE_ORDER.indexOf(min);

function shippingAddress(spec: SaleSpec): ShippingAddress {
  if (spec.address === 'empty') {
    return { Line1: '', Line2: '', City: '', State: '', Postcode: '', Country: '', Company: '', Contact: '', ShipToOther: false };
  }
  if (spec.address === 'nulls') {
    // HV: response addresses can come back with Line1/Country null (dear.md §2.3).
    return { Line1: null, Line2: null, City: null, State: null, Postcode: null, Country: null, Company: '', Contact: '', ShipToOther: false };
  }
  const a = spec.address;
  return {
    Line1: a.line1,
    Line2: a.line2 ?? '',
    City: a.city,
    State: a.state,
    Postcode: a.postcode,
    Country: a.country,
    Company: a.company ?? '',
    Contact: spec.contact,
    ShipToOther: false,
  };
}

function lineTotal(l: { Quantity: number; Price: number; Discount: number }): number {
  return round4(l.Quantity * l.Price * (1 - l.Discount / 100));
}

/** Builds one fulfilment in the given stage from a subset of the order lines. */
function buildFulfilment(
  sale: Sale,
  spec: SaleSpec,
  taskId: string,
  number: number,
  stage: Stage,
  lineIdx: number[],
  locations: DearState['locations'],
): Fulfilment {
  const main = locations[0];
  const lines = lineIdx.map((i) => {
    const ls = spec.lines[i];
    const ol = sale.Order.Lines[i];
    // Bin naming "<Location>: <Bin>" (dear.md §5.4); cycle through the bins.
    const loc = ls.location ?? `${main.Name}: ${main.Bins[(i + 2) % main.Bins.length].Name}`;
    const bin = main.Bins.find((b) => `${main.Name}: ${b.Name}` === loc);
    const locId = bin ? bin.ID : (locations.find((l) => l.Name === loc)?.ID ?? main.ID);
    return { ProductID: ol.ProductID, Quantity: ol.Quantity, Location: loc, LocationID: locId, BatchSN: '', ExpiryDate: null, NonInventory: false, box: ls.box ?? 'Box 1' };
  });
  const pickStatus = atLeast(stage, 'picked') ? 'AUTHORISED' : stage === 'pickDraft' ? 'DRAFT' : 'NOT AVAILABLE';
  const packStatus = atLeast(stage, 'packed') ? 'AUTHORISED' : stage === 'packDraft' ? 'DRAFT' : 'NOT AVAILABLE';
  const f: Fulfilment = {
    TaskID: taskId,
    FulfillmentNumber: number,
    Pick: { Status: pickStatus, Lines: pickStatus === 'NOT AVAILABLE' ? [] : lines.map(({ box: _b, ...l }) => l) },
    Pack: { Status: packStatus, Lines: packStatus === 'NOT AVAILABLE' ? [] : lines.map(({ box, ...l }) => ({ ...l, Box: box })) },
    Ship: { Status: 'NOT AVAILABLE', RequireBy: null, ShippingAddress: null, ShippingNotes: '', Lines: [] },
    Voided: false,
  };
  const boxes = [...new Set(lines.map((l) => l.box))];
  const shipDate = formatDateOnly(sale.Updated);
  const carrierFor = (s: SaleSpec) => (s.carrier ?? '').split(' ')[0] || 'DEFAULT Carrier';
  if (stage === 'shipDraft') {
    f.Ship.Status = 'DRAFT';
  } else if (stage === 'tracked') {
    f.Ship.Status = 'DRAFT';
    f.Ship.Lines = [{ ID: seedGuid(`shipline:${spec.key}:1`), ShipmentDate: shipDate, Carrier: carrierFor(spec), Boxes: boxes[0], TrackingNumber: SEED.trackingNumbers.alreadyTracked, TrackingURL: `https://www.ups.com/track?tracknum=${SEED.trackingNumbers.alreadyTracked}`, IsShipped: false }];
  } else if (stage === 'shipped') {
    f.Ship.Status = 'AUTHORISED';
    f.Ship.Lines = boxes.map((b, i) => {
      const tn = spec.key === 'shipped' ? SEED.trackingNumbers.shipped[i] : `1Z${seedGuid(`tn:${spec.key}:${number}:${i}`).replace(/-/g, '').slice(0, 16).toUpperCase()}`;
      return { ID: seedGuid(`shipline:${spec.key}:${number}:${i}`), ShipmentDate: shipDate, Carrier: carrierFor(spec), Boxes: b, TrackingNumber: tn, TrackingURL: '', IsShipped: true };
    });
  }
  return f;
}

function payment(key: string, n: number, account: string, amount: number, when: Date): Payment {
  return { ID: seedGuid(`payment:${key}:${n}`), Reference: `${account.toUpperCase().replace(/\s+/g, '-')}-${(100000 + n * 7919).toString()}`, Amount: amount, DatePaid: when, Account: account, CurrencyRate: 1, DateCreated: new Date(when.getTime() + 1234) };
}

function buildSale(spec: SaleSpec, index: number, now: Date, products: Product[], locations: DearState['locations']): Sale {
  const id = seedGuid(`sale:${spec.key}`);
  const bySku = new Map(products.map((p) => [p.SKU, p]));
  // Created 10 days ago spread over the seed; updated in the last two days (ordered by index).
  const created = new Date(now.getTime() - (10 * 86_400_000 - index * 3_600_000));
  const updated = new Date(now.getTime() - (48 * 3_600_000 - index * 60_000 * 37) - 123);
  const taxRate = spec.taxRate ?? 0;
  const lines: SaleLine[] = spec.lines.map((l) => {
    const p = bySku.get(l.sku);
    if (!p) throw new Error(`seed: unknown sku ${l.sku}`);
    const base = { Quantity: l.qty, Price: l.price ?? p.PriceTier1, Discount: l.discount ?? 0 };
    const backorder = spec.stage === 'backordered' ? Math.max(0, l.qty - p.Available) : 0;
    return { ProductID: p.ID, ...base, Tax: round4(lineTotal(base) * taxRate), TaxRule: taxRate ? 'Texas Sales Tax 8.25%' : 'Tax Exempt', Comment: '', DropShip: false, BackorderQuantity: backorder };
  });
  const charges: AdditionalCharge[] = (spec.charges ?? []).map((c) => ({ Description: c.description, Price: c.price, Quantity: 1, Discount: 0, Tax: 0, TaxRule: 'Tax Exempt', Comment: '' }));
  const orderTotal = round4(lines.reduce((s, l) => s + lineTotal(l) + l.Tax, 0) + charges.reduce((s, c) => s + lineTotal(c), 0));
  const orderAuthorised = atLeast(spec.stage, 'ordered') || spec.stage === 'voided';
  const sa = shippingAddress(spec);
  const billing = spec.address === 'empty' || spec.address === 'nulls'
    ? { Line1: '1200 Commerce Street', Line2: '', City: 'Austin', State: 'Texas', Postcode: '78701', Country: 'United States' }
    : { Line1: sa.Line1, Line2: sa.Line2, City: sa.City, State: sa.State, Postcode: sa.Postcode, Country: sa.Country };
  const orderNumber = `SO-${(1001 + index).toString().padStart(5, '0')}`;
  const sale: Sale = {
    ID: id,
    OrderNumber: orderNumber,
    Customer: spec.customer,
    CustomerID: seedGuid(`customer:${spec.customer}`),
    Contact: spec.contact,
    Phone: spec.phone,
    Email: spec.email,
    DefaultAccount: '4000',
    SkipQuote: spec.stage !== 'quote',
    BillingAddress: billing,
    ShippingAddress: sa,
    ShippingNotes: spec.shippingNotes ?? '',
    BaseCurrency: 'USD',
    CustomerCurrency: 'USD',
    TaxRule: taxRate ? 'Texas Sales Tax 8.25%' : 'Tax Exempt',
    TaxCalculation: 'Exclusive',
    Terms: spec.terms ?? 'Prepaid',
    PriceTier: 'Tier 1',
    ShipBy: spec.shipBy !== undefined ? formatDateOnly(new Date(now.getTime() + spec.shipBy * 86_400_000)) : null,
    Location: 'Main Warehouse',
    LocationID: locations[0].ID,
    SaleOrderDate: formatDateOnly(created),
    Created: created,
    Updated: updated,
    Note: spec.note ?? '',
    CustomerReference: spec.customerReference ?? '',
    Carrier: spec.carrier ?? '',
    CurrencyRate: 1,
    SalesRepresentative: 'Sandbox Sales',
    ServiceOnly: false,
    Type: spec.advanced ? 'Advanced Sale' : 'Simple Sale',
    SourceChannel: spec.sourceChannel === undefined ? null : spec.sourceChannel,
    ExternalID: null,
    Voided: spec.stage === 'voided',
    Quote: { Status: spec.stage === 'quote' ? 'DRAFT' : 'NOT AVAILABLE', Memo: '', Lines: spec.stage === 'quote' ? lines : [], AdditionalCharges: spec.stage === 'quote' ? charges : [], Prepayments: [] },
    Order: { Status: spec.stage === 'quote' ? 'NOT AVAILABLE' : spec.stage === 'orderDraft' ? 'DRAFT' : spec.stage === 'voided' ? 'VOIDED' : 'AUTHORISED', Memo: '', Lines: spec.stage === 'quote' ? [] : lines, AdditionalCharges: spec.stage === 'quote' ? [] : charges },
    Fulfilments: [],
    Invoices: [],
    AdditionalAttributes: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`AdditionalAttribute${i + 1}`, ''])),
  };
  if (spec.gift) {
    sale.AdditionalAttributes.AdditionalAttribute1 = spec.gift[0];
    sale.AdditionalAttributes.AdditionalAttribute2 = spec.gift[1];
  }
  if (orderAuthorised && spec.stage !== 'voided') {
    // Once the order is authorised a fulfilment exists (statuses NOT AVAILABLE until picking).
    if (spec.advanced) {
      sale.Fulfilments = spec.advanced.map((f, i) => buildFulfilment(sale, spec, seedGuid(`task:${spec.key}:${i + 1}`), i + 1, f.stage, f.lineIdx, locations));
    } else {
      // A simple sale's single fulfilment uses the sale id as TaskID (dear.md §3.1, Low-medium).
      sale.Fulfilments = [buildFulfilment(sale, spec, id, 1, spec.stage, spec.lines.map((_, i) => i), locations)];
    }
  }
  let pn = 0;
  const invoiceTaskId = spec.advanced ? seedGuid(`invoice:${spec.key}:1`) : id;
  for (const p of spec.payments ?? []) {
    const amount = p.amount === 'full' ? orderTotal : p.amount;
    const when = new Date(created.getTime() + 600_000 + pn * 60_000);
    const pay = payment(spec.key, ++pn, p.account, amount, when);
    if (p.kind === 'prepayment') sale.Quote.Prepayments.push(pay);
  }
  if (spec.invoice && orderAuthorised) {
    const invDate = new Date(created.getTime() + 86_400_000);
    const due = spec.terms?.match(/^(\d+) days$/) ? Number(spec.terms.split(' ')[0]) : 0;
    const inv: Invoice = {
      TaskID: invoiceTaskId,
      InvoiceNumber: `INV-${(5001 + index).toString().padStart(5, '0')}`,
      Memo: '',
      Status: spec.invoice === 'authorised' ? 'AUTHORISED' : 'DRAFT',
      InvoiceDate: formatDateOnly(invDate),
      InvoiceDueDate: formatDateOnly(new Date(invDate.getTime() + due * 86_400_000)),
      CurrencyConversionRate: 1,
      LinkedFulfillmentNumber: '1',
      Lines: lines.map((l) => ({ ...l, Account: '4000' })),
      AdditionalCharges: charges.map((c) => ({ ...c, Account: '4000' })),
      Payments: [],
    };
    pn = 0;
    for (const p of spec.payments ?? []) {
      if (p.kind !== 'payment') continue;
      inv.Payments.push(payment(`${spec.key}:inv`, ++pn, p.account, p.amount === 'full' ? orderTotal : p.amount, new Date(invDate.getTime() + 3_600_000)));
    }
    sale.Invoices.push(inv);
  }
  return sale;
}

/** Builds a fresh state for one account. `seed: false` gives reference data only. */
export function buildSeedState(now: Date, seed = true): DearState {
  const products = seedProducts(now);
  const locations = seedLocations();
  const state: DearState = {
    company: { ...COMPANY },
    sales: [],
    products,
    families: seedFamilies(now),
    carriers: seedCarriers(),
    locations,
    webhooks: [],
    counters: { order: 1001 + SALES.length, invoice: 5001 + SALES.length },
  };
  if (seed) state.sales = SALES.map((s, i) => buildSale(s, i, now, products, locations));
  return state;
}
