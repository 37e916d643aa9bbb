/** ShipStation v1 wire shapes (reference/shipstation.md; shipstation-v1.swagger.yaml). */

export type SsWeightUnits = 'pounds' | 'ounces' | 'grams';
export type SsDimensionUnits = 'inches' | 'centimeters';
export type SsConfirmation = 'none' | 'delivery' | 'signature' | 'adult_signature' | 'direct_signature';

export interface SsWeight {
  value: number;
  units: SsWeightUnits;
}

export interface SsDimensions {
  length: number;
  width: number;
  height: number;
  units: SsDimensionUnits;
}

export interface SsAddress {
  name: string;
  company?: string | null;
  street1: string;
  street2?: string | null;
  street3?: string | null;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  phone?: string | null;
  residential?: boolean | null;
}

export interface SsCarrier {
  name: string;
  code: string;
  accountNumber: string | number | null;
  requiresFundedAccount: boolean;
  balance: number;
  nickname: string | null;
  shippingProviderId: number;
  primary: boolean;
}

/** Services and packages share one shape (§3). */
export interface SsServiceOrPackage {
  carrierCode: string;
  code: string;
  name: string;
  domestic: boolean;
  international: boolean;
}

export interface SsRateRequest {
  carrierCode: string;
  serviceCode?: string | null;
  packageCode?: string | null;
  fromPostalCode: string;
  fromCity?: string;
  fromState?: string;
  toState?: string;
  toCountry: string;
  toPostalCode: string;
  toCity?: string;
  weight: SsWeight;
  dimensions?: SsDimensions;
  confirmation?: SsConfirmation;
  residential?: boolean;
}

export interface SsRate {
  serviceName: string;
  serviceCode: string;
  shipmentCost: number;
  otherCost: number;
}

export interface SsAdvancedOptions {
  warehouseId?: number | null;
  storeId?: number | null;
  customField1?: string | null;
  customField2?: string | null;
  customField3?: string | null;
  source?: string | null;
  [key: string]: unknown;
}

export interface SsInsuranceOptions {
  provider: string | null;
  insureShipment: boolean;
  insuredValue: number;
}

export interface SsCreateLabelRequest {
  carrierCode: string;
  serviceCode: string;
  packageCode: string;
  confirmation?: SsConfirmation;
  shipDate: string;
  weight: SsWeight;
  dimensions?: SsDimensions;
  shipFrom: SsAddress;
  shipTo: SsAddress;
  insuranceOptions?: SsInsuranceOptions;
  advancedOptions?: SsAdvancedOptions;
  testLabel?: boolean;
}

export interface SsLabel {
  shipmentId: number;
  shipmentCost: number;
  insuranceCost: number;
  trackingNumber: string;
  labelData: string | null;
  formData: string | null;
  createDate?: string;
  shipDate?: string;
  carrierCode?: string;
  serviceCode?: string;
  packageCode?: string;
}

export interface SsShipment {
  shipmentId: number;
  orderId: number | null;
  orderKey: string | null;
  orderNumber: string | null;
  createDate: string;
  shipDate: string;
  shipmentCost: number;
  insuranceCost: number;
  trackingNumber: string;
  carrierCode: string;
  serviceCode: string;
  packageCode: string | null;
  voided: boolean;
  voidDate: string | null;
  shipTo: SsAddress | null;
  weight: SsWeight | null;
  advancedOptions: SsAdvancedOptions | null;
  labelData?: string | null;
  formData?: string | null;
  [key: string]: unknown;
}

export interface SsPage<K extends string, T> {
  total: number;
  page: number;
  pages: number;
  items: T[];
  key: K;
}

export interface SsShipmentsQuery {
  orderNumber?: string;
  orderId?: number;
  carrierCode?: string;
  trackingNumber?: string;
  createDateStart?: string;
  createDateEnd?: string;
  shipDateStart?: string;
  shipDateEnd?: string;
  includeShipmentItems?: boolean;
  sortBy?: 'ShipDate' | 'CreateDate';
  sortDir?: 'ASC' | 'DESC';
  page?: number;
  pageSize?: number;
}

export interface SsVoidResult {
  approved: boolean;
  message: string;
}

export interface SsStore {
  storeId: number;
  storeName: string;
  marketplaceId: number;
  marketplaceName: string;
  active: boolean;
  [key: string]: unknown;
}

/** Order upsert body (§6.2); `orderKey` makes createorder an upsert. */
export interface SsOrderInput {
  orderKey: string;
  orderNumber: string;
  orderDate: string;
  orderStatus: 'awaiting_payment' | 'awaiting_shipment' | 'shipped' | 'on_hold' | 'cancelled';
  billTo: Partial<SsAddress> & { name: string };
  shipTo: SsAddress;
  [key: string]: unknown;
}

export interface SsOrder extends SsOrderInput {
  orderId: number;
  createDate: string;
  modifyDate: string;
}

export interface SsCreateOrdersResult {
  hasErrors: boolean;
  results: Array<{ orderId: number; orderNumber: string; orderKey: string; success: boolean; errorMessage: string | null }>;
}

export interface SsWebhook {
  WebHookID: number;
  HookType: string;
  Url: string;
  Name: string | null;
  StoreID: number | null;
  Active: boolean;
  [key: string]: unknown;
}
