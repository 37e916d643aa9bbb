/**
 * The simulator's state. Sales are held as one aggregate per sale with per-stage
 * statuses; the combined/overall statuses are derived when rendering (dear.md §10).
 * Product metadata on lines (ProductWeight, WeightUnits...) is also filled in at
 * render time from the product catalogue (§2.2 "Additional fields").
 */

export type StageStatus = 'NOT AVAILABLE' | 'DRAFT' | 'AUTHORISED' | 'VOIDED';
export type ShipStatus = StageStatus | 'PARTIALLY AUTHORISED';
export type InvoiceStatus = StageStatus | 'PAID';

export interface Address {
  Line1: string | null;
  Line2: string | null;
  City: string | null;
  State: string | null;
  Postcode: string | null;
  Country: string | null;
}

export interface ShippingAddress extends Address {
  Company: string;
  Contact: string;
  ShipToOther: boolean;
}

export interface SaleLine {
  ProductID: string;
  Quantity: number;
  Price: number;
  Discount: number; // percentage 0-100 (§1.9)
  Tax: number;
  TaxRule: string;
  Comment: string;
  /** order lines only */
  DropShip?: boolean;
  BackorderQuantity?: number;
}

export interface AdditionalCharge {
  Description: string;
  Price: number; // negative for coupons
  Quantity: number;
  Discount: number;
  Tax: number;
  TaxRule: string;
  Comment: string;
  Account?: string; // invoices only
}

export interface Payment {
  ID: string;
  Reference: string;
  Amount: number;
  DatePaid: Date;
  /** Bank/payment account the money went to, e.g. "PayPal". */
  Account: string;
  CurrencyRate: number;
  DateCreated: Date;
}

export interface PickPackLine {
  ProductID: string;
  Quantity: number;
  Location: string;
  LocationID: string;
  BatchSN: string;
  ExpiryDate: string | null;
  NonInventory: boolean;
  Box?: string; // pack only
}

export interface ShipLine {
  ID: string;
  ShipmentDate: string; // date-only format
  Carrier: string;
  Boxes: string;
  TrackingNumber: string;
  TrackingURL: string;
  IsShipped: boolean;
}

export interface Fulfilment {
  TaskID: string;
  FulfillmentNumber: number;
  Pick: { Status: StageStatus; Lines: PickPackLine[] };
  Pack: { Status: StageStatus; Lines: PickPackLine[] };
  Ship: {
    Status: ShipStatus;
    RequireBy: string | null;
    ShippingAddress: ShippingAddress | null; // null = the sale's shipping address
    ShippingNotes: string;
    Lines: ShipLine[];
  };
  Voided: boolean;
}

export interface Invoice {
  TaskID: string;
  InvoiceNumber: string;
  Memo: string;
  Status: InvoiceStatus;
  InvoiceDate: string | null;
  InvoiceDueDate: string | null;
  CurrencyConversionRate: number;
  LinkedFulfillmentNumber: string;
  Lines: Array<SaleLine & { Account: string }>;
  AdditionalCharges: AdditionalCharge[];
  Payments: Payment[];
}

export interface Sale {
  ID: string;
  OrderNumber: string;
  Customer: string;
  CustomerID: string;
  Contact: string;
  Phone: string;
  Email: string;
  DefaultAccount: string;
  SkipQuote: boolean;
  BillingAddress: Address;
  ShippingAddress: ShippingAddress;
  ShippingNotes: string;
  BaseCurrency: string;
  CustomerCurrency: string;
  TaxRule: string;
  TaxCalculation: 'Inclusive' | 'Exclusive';
  Terms: string;
  PriceTier: string;
  ShipBy: string | null;
  Location: string;
  LocationID: string;
  SaleOrderDate: string;
  Created: Date;
  Updated: Date;
  Note: string;
  CustomerReference: string;
  Carrier: string;
  CurrencyRate: number;
  SalesRepresentative: string;
  ServiceOnly: boolean;
  Type: 'Simple Sale' | 'Advanced Sale';
  SourceChannel: string | null;
  ExternalID: string | null;
  Voided: boolean;
  Quote: {
    Status: StageStatus;
    Memo: string;
    Lines: SaleLine[];
    AdditionalCharges: AdditionalCharge[];
    Prepayments: Payment[];
  };
  Order: {
    Status: StageStatus;
    Memo: string;
    Lines: SaleLine[];
    AdditionalCharges: AdditionalCharge[];
  };
  Fulfilments: Fulfilment[];
  Invoices: Invoice[];
  AdditionalAttributes: Record<string, string>;
}

export interface ProductAttachment {
  ID: string;
  ContentType: string;
  FileName: string;
  IsDefault: boolean;
}

export interface Product {
  ID: string;
  SKU: string;
  Name: string;
  Category: string;
  Brand: string | null;
  Type: 'Stock' | 'Service';
  UOM: string;
  Barcode: string | null;
  Length: number;
  Width: number;
  Height: number;
  Weight: number;
  WeightUnits: 'g' | 'kg' | 'oz' | 'lb' | 'mg';
  DimensionsUnits: string | null;
  PriceTier1: number;
  AverageCost: number;
  DefaultLocation: string;
  StockLocator: string | null;
  Status: 'Active' | 'Deprecated';
  ShortDescription: string | null;
  AdditionalAttributes: Array<string | null>; // 10 entries
  Attachments: ProductAttachment[];
  LastModifiedOn: Date;
  /** internal: stock available for order authorisation (backorders, §2.4) */
  Available: number;
}

export interface ProductFamily {
  ID: string;
  SKU: string;
  Name: string;
  Category: string;
  Option1Name: string;
  Option2Name: string;
  Option3Name: string;
  Products: Array<{ ID: string; Option1: string; Option2: string; Option3: string }>;
  LastModifiedOn: Date;
}

export interface Carrier {
  CarrierID: string;
  Description: string;
}

export interface Bin {
  ID: string;
  Name: string;
  IsDeprecated: boolean;
  IsStaging: boolean;
}

export interface Location {
  ID: string;
  Name: string;
  IsDefault: boolean;
  AddressLine1: string;
  AddressLine2: string;
  AddressCitySuburb: string;
  AddressStateProvince: string;
  AddressZipPostCode: string;
  AddressCountry: string;
  Bins: Bin[];
}

export interface Webhook {
  ID: string;
  Type: string;
  Name: string;
  IsActive: boolean;
  ExternalURL: string;
  ExternalAuthorizationType: 'noauth' | 'basicauth' | 'bearerauth';
  ExternalUserName: string | null;
  ExternalPassword: string | null;
  ExternalBearerToken: string | null;
  ExternalHeaders: Array<{ Key: string; Value: string }>;
}

export interface Company {
  Company: string;
  Currency: string;
  TimeZone: string;
  DefaultWeightUnits: string;
  DefaultDimensionsUnits: string;
}

/** Everything one DEAR account (tenant) holds. */
export interface DearState {
  company: Company;
  sales: Sale[];
  products: Product[];
  families: ProductFamily[];
  carriers: Carrier[];
  locations: Location[];
  webhooks: Webhook[];
  /** next numbers for SO-/INV- documents */
  counters: { order: number; invoice: number };
}
