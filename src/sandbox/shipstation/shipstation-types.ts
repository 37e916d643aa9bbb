/**
 * In-memory state of the ShipStation simulator. Wire shapes follow fact sheet §2-§9 and
 * the Swagger examples; instants are kept as Date and rendered in Pacific time.
 */

export type WeightUnits = 'pounds' | 'ounces' | 'grams';

export interface Weight {
  value: number;
  units: WeightUnits;
}

export interface Dimensions {
  length: number;
  width: number;
  height: number;
  units: 'inches' | 'centimeters';
}

export interface Address {
  name: string | null;
  company: string | null;
  street1: string | null;
  street2: string | null;
  street3: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  phone: string | null;
  residential: boolean | null;
  addressVerified: string | null;
}

export interface Carrier {
  name: string;
  code: string;
  accountNumber: string | number;
  requiresFundedAccount: boolean;
  balance: number;
  nickname: string | null;
  shippingProviderId: number;
  primary: boolean;
}

/** Service and Package share one shape (§3). */
export interface CarrierOption {
  carrierCode: string;
  code: string;
  name: string;
  domestic: boolean;
  international: boolean;
}

/** Pricing knobs per service (simulator only, never on the wire). */
export interface ServicePricing {
  base: number;
  perLb: number;
  /** Fraction of the shipment cost reported as `otherCost` (fuel etc.). */
  surcharge: number;
  intlMultiplier?: number;
}

export interface Store {
  storeId: number;
  storeName: string;
  marketplaceId: number;
  marketplaceName: string;
  accountName: string | null;
  email: string | null;
  integrationUrl: string | null;
  active: boolean;
  companyName: string;
  phone: string;
  publicEmail: string;
  website: string;
  refreshDate: Date;
  lastRefreshAttempt: Date;
  createDate: Date;
  modifyDate: Date;
  autoRefresh: boolean;
}

export interface OrderItem {
  orderItemId: number;
  lineItemKey: string | null;
  sku: string | null;
  name: string;
  imageUrl: string | null;
  weight: Weight | null;
  quantity: number;
  unitPrice: number;
  taxAmount: number | null;
  shippingAmount: number | null;
  warehouseLocation: string | null;
  options: Array<{ name: string; value: string }>;
  productId: number | null;
  fulfillmentSku: string | null;
  adjustment: boolean;
  upc: string | null;
  createDate: Date;
  modifyDate: Date;
}

export type OrderStatus =
  | 'awaiting_payment'
  | 'awaiting_shipment'
  | 'pending_fulfillment'
  | 'shipped'
  | 'on_hold'
  | 'cancelled';

export const ORDER_STATUSES: OrderStatus[] = [
  'awaiting_payment',
  'awaiting_shipment',
  'pending_fulfillment',
  'shipped',
  'on_hold',
  'cancelled',
];

/** An order as stored: the client's document plus server-assigned fields. */
export interface Order {
  orderId: number;
  orderKey: string;
  orderNumber: string;
  createDate: Date;
  modifyDate: Date;
  /** Client-supplied date-times are kept as the instant they denote (Pacific when no offset). */
  orderDate: Date;
  paymentDate: Date | null;
  shipByDate: Date | null;
  orderStatus: OrderStatus;
  customerId: number | null;
  customerUsername: string | null;
  customerEmail: string | null;
  billTo: Address;
  shipTo: Address;
  items: OrderItem[];
  amountPaid: number;
  taxAmount: number;
  shippingAmount: number;
  customerNotes: string | null;
  internalNotes: string | null;
  gift: boolean;
  giftMessage: string | null;
  paymentMethod: string | null;
  requestedShippingService: string | null;
  carrierCode: string | null;
  serviceCode: string | null;
  packageCode: string | null;
  confirmation: string | null;
  shipDate: string | null;
  holdUntilDate: string | null;
  /** Null when the client sent none: the rendered weight is then Σ item weight × quantity (§6.1). */
  weight: Weight | null;
  dimensions: Dimensions | null;
  insuranceOptions: Record<string, unknown>;
  internationalOptions: Record<string, unknown>;
  advancedOptions: Record<string, unknown>;
  tagIds: number[] | null;
  userId: string | null;
  externallyFulfilled: boolean;
  externallyFulfilledBy: string | null;
  /** Soft delete (§6.4). */
  active: boolean;
}

export interface Shipment {
  shipmentId: number;
  orderId: number | null;
  orderKey: string | null;
  orderNumber: string | null;
  userId: string;
  customerEmail: string | null;
  createDate: Date;
  shipDate: string;
  shipmentCost: number;
  insuranceCost: number;
  trackingNumber: string;
  isReturnLabel: boolean;
  batchNumber: string | null;
  carrierCode: string;
  serviceCode: string;
  packageCode: string;
  confirmation: string | null;
  warehouseId: number | null;
  voided: boolean;
  voidDate: Date | null;
  marketplaceNotified: boolean;
  notifyErrorMessage: string | null;
  shipTo: Address;
  shipFrom: Address | null;
  weight: Weight;
  dimensions: Dimensions | null;
  insuranceOptions: Record<string, unknown>;
  advancedOptions: Record<string, unknown>;
  shipmentItems: Array<Record<string, unknown>> | null;
  testLabel: boolean;
  storeId: number;
  /** Kept so the label can be fetched again by tests; list responses render labelData null (§7.1). */
  labelData: string;
}

export interface Webhook {
  WebHookID: number;
  SellerID: number;
  StoreID: number | null;
  HookType: string;
  MessageFormat: 'Json';
  Url: string;
  Name: string | null;
  IsLabelAPIHook: boolean;
  Active: boolean;
}

export interface ShipStationState {
  carriers: Carrier[];
  services: CarrierOption[];
  packages: CarrierOption[];
  pricing: Map<string, ServicePricing>;
  stores: Store[];
  orders: Order[];
  shipments: Shipment[];
  webhooks: Webhook[];
  /** ShipStation creates a product per SKU; items report its id (§2.2 productId). */
  productIds: Map<string, number>;
  /** Default ship-from location (AdvancedOptions.warehouseId, §2.5). */
  warehouseId: number;
  sellerId: number;
  userId: string;
  ids: { order: number; orderItem: number; shipment: number; webhook: number; customer: number; batch: number; product: number; customsItem: number };
}
