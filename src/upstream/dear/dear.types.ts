/**
 * DEAR / Cin7 Core API v2 wire shapes — only what the SPEC needs. Field names are exactly the
 * reference's (shared/reference/dear.md, dear-v2.openapi.yaml), misspellings included
 * (`FulFilmentStatus`, `FulfillmentNumber`, ship-line `Box` on write vs `Boxes` on read, §9 #11).
 *
 * Dates stay strings here ({@link DearDateTime}); read them with `fromDearDateTime` /
 * `fromDearDate` from common/time/upstream-time.ts (§1.8: UTC, with or without `Z`).
 */

export type DearGuid = string;
/** `2017-11-22T10:10:49.75Z`, `2017-11-30T00:00:00` or `…8882229Z` (dear.md §1.8). */
export type DearDateTime = string;

/**
 * Documented values plus "any other string": DEAR returns undocumented compound statuses such as
 * `INVOICED / CREDITED` (dear.md §4.1, §4.3), so a client must not reject them.
 */
export type Open<T extends string> = T | (string & {});

export type DearStageStatus = Open<'NOT AVAILABLE' | 'DRAFT' | 'AUTHORISED' | 'VOIDED'>;
export type DearShipStatus = Open<'NOT AVAILABLE' | 'DRAFT' | 'PARTIALLY AUTHORISED' | 'AUTHORISED' | 'VOIDED'>;
export type DearInvoiceStatus = Open<'NOT AVAILABLE' | 'DRAFT' | 'AUTHORISED' | 'VOIDED' | 'PAID'>;
export type DearOrderStatus = Open<'NOT AVAILABLE' | 'DRAFT' | 'AUTHORISED' | 'VOIDED' | 'AUTH_NO_ALLOC' | 'FULFILLED' | 'CLOSED'>;
/** Overall sale status (§4.1). Not a "shipped" value: read `CombinedShippingStatus`. */
export type DearSaleStatus = Open<
  'DRAFT' | 'VOIDED' | 'ESTIMATING' | 'ESTIMATED' | 'ORDERING' | 'ORDERED' | 'BACKORDERED' | 'PICKING' | 'PICKED' | 'PACKING' | 'PACKED' | 'SHIPPING' | 'INVOICING' | 'INVOICED' | 'CREDITED' | 'COMPLETED'
>;
export type DearWeightUnits = Open<'g' | 'kg' | 'oz' | 'lb' | 'mg'>; // §5.3
export type DearDimensionsUnits = Open<'m' | 'cm' | 'mm' | 'in' | 'ft' | 'yd' | 'mi' | 'km'>; // §5.3
/** `GET /sale?CountryFormat=` (§2.2): a name (Regular), ISO alpha-2 (Code2) or alpha-3 (Code). */
export type DearCountryFormat = 'Regular' | 'Code2' | 'Code';

/** Paged list envelope (§1.7); the list sits under an endpoint-specific key. */
export interface DearPage {
  Total: number;
  Page: number;
}

// ---------------------------------------------------------------------------------------------
// Company (§7.5)
// ---------------------------------------------------------------------------------------------

export interface DearMe {
  Company: string;
  Currency: string;
  TimeZone: string;
  DefaultWeightUnits: DearWeightUnits;
  DefaultDimensionsUnits: DearDimensionsUnits;
  LockDate: DearDateTime | null;
  OpeningBalanceDate?: DearDateTime | null;
  TaxCalculationMethod?: string;
  DefaultSaleTaxRuleId?: DearGuid;
  DefaultSaleTaxRuleName?: string;
  MaximumDecimalPlacesInQuantity?: string;
  ApplyCustomerDiscountsAfterOtherDiscounts?: boolean;
  DiscountRule?: string;
  AutomaticallyApplyDiscounts?: boolean;
  RoundingTable?: Array<{ RangeTo: number; RoundToNearest: number; AdjustmentRule: string; AdjustmentValue: number }>;
}

// ---------------------------------------------------------------------------------------------
// Sales (§2)
// ---------------------------------------------------------------------------------------------

/** A `/saleList` row: header and statuses only, no lines or addresses (§2.1, §9 #4). */
export interface DearSaleListRow {
  SaleID: DearGuid;
  OrderNumber: string;
  Status: DearSaleStatus;
  OrderDate: DearDateTime | null;
  InvoiceDate: DearDateTime | null;
  Customer: string;
  CustomerID: DearGuid;
  InvoiceNumber: string | null;
  CustomerReference: string | null;
  InvoiceAmount: number;
  PaidAmount: number;
  InvoiceDueDate: DearDateTime | null;
  ShipBy: DearDateTime | null;
  BaseCurrency: string;
  CustomerCurrency: string;
  CreditNoteNumber: string | null;
  /** Last change, UTC with `Z` — the `UpdatedSince` watermark (§2.1). */
  Updated: DearDateTime;
  QuoteStatus: DearStageStatus;
  OrderStatus: DearOrderStatus;
  /** Note: the filter is `CombinedPickStatus`, the field `CombinedPickingStatus` (§2.1). */
  CombinedPickingStatus: string;
  CombinedPackingStatus: string;
  CombinedShippingStatus: string;
  FulFilmentStatus: string;
  CombinedInvoiceStatus: string;
  CreditNoteStatus: string;
  CombinedPaymentStatus: string;
  Type: Open<'Simple Sale' | 'Advanced Sale' | 'Service Sale'>;
  CombinedTrackingNumbers: string | null;
  SourceChannel: string | null;
  ExternalID: string | null;
  OrderLocationID?: DearGuid | null;
}

export interface DearSaleListResponse extends DearPage {
  SaleList: DearSaleListRow[];
}

/** Address Model (§2.3). Line1/Country can come back null although required on write. */
export interface DearAddress {
  ID?: DearGuid;
  DisplayAddressLine1?: string;
  DisplayAddressLine2?: string;
  Line1: string | null;
  Line2: string | null;
  City: string | null;
  State: string | null;
  Postcode: string | null;
  Country: string | null;
}

/** Sale Shipping Address Model (§2.3). */
export interface DearShippingAddress extends DearAddress {
  Company: string | null;
  Contact: string | null;
  ShipToOther: boolean;
}

/**
 * Product metadata carried by every nested object with a ProductID (§2.2 "Additional fields").
 * On sub-endpoints (`/sale/fulfilment/pick` …) only with `IncludeProductInfo=true`, hence optional.
 */
export interface DearProductInfo {
  ProductLength?: number;
  ProductWidth?: number;
  ProductHeight?: number;
  ProductWeight?: number;
  WeightUnits?: DearWeightUnits;
  DimensionsUnits?: DearDimensionsUnits | null;
  ProductCustomField1?: string | null;
  ProductCustomField2?: string | null;
  ProductCustomField3?: string | null;
  ProductCustomField4?: string | null;
  ProductCustomField5?: string | null;
  ProductCustomField6?: string | null;
  ProductCustomField7?: string | null;
  ProductCustomField8?: string | null;
  ProductCustomField9?: string | null;
  ProductCustomField10?: string | null;
}

/** Quote/order/invoice line (§2.4). `Discount` is a percentage 0–100. */
export interface DearSaleLine extends DearProductInfo {
  ProductID: DearGuid;
  SKU: string;
  Name: string;
  Quantity: number;
  Price: number;
  Discount: number;
  Tax: number;
  TaxRule: string;
  AverageCost?: number;
  Comment?: string;
  Total: number;
  /** Order lines only. */
  DropShip?: boolean;
  BackorderQuantity?: number;
  Backorder?: boolean;
  /** Invoice and credit-note lines only (revenue account code). */
  Account?: string;
}

/**
 * Sale Additional Charge Model (§2.4): freight and coupons. `Description` is the name of a
 * *service* product; a coupon has a negative `Price`. Invoices add `Account`.
 */
export interface DearAdditionalCharge {
  Description: string;
  Price: number;
  Quantity: number;
  Discount: number;
  Tax: number;
  Total: number;
  TaxRule: string;
  Comment?: string;
  Account?: string;
}

/** Payment line (§2.5); `Account` is the bank/payment account name, e.g. "PayPal". */
export interface DearPayment {
  ID: DearGuid;
  Reference: string;
  Amount: number;
  DatePaid: DearDateTime;
  Account: string;
  CurrencyRate: number;
  DateCreated: DearDateTime;
}

interface DearTotals {
  TotalBeforeTax: number;
  Tax: number;
  Total: number;
}

export interface DearSaleQuote extends DearTotals {
  Memo: string;
  Status: DearStageStatus;
  /** Prepayments live on the quote (§2.5; payment-method mapping, SPEC App. A). */
  Prepayments: DearPayment[];
  Lines: DearSaleLine[];
  AdditionalCharges: DearAdditionalCharge[];
}

export interface DearSaleOrder extends DearTotals {
  SaleOrderNumber: string;
  Memo: string;
  Status: DearOrderStatus;
  Lines: DearSaleLine[];
  AdditionalCharges: DearAdditionalCharge[];
}

/** Sale Fulfilment Pick Pack Line Model (§3.2). A bin is `"<Location>: <Bin>"` (§5.4). */
export interface DearPickLine extends DearProductInfo {
  ProductID: DearGuid;
  SKU: string;
  Name: string;
  Location: string;
  LocationID: DearGuid;
  Quantity: number;
  BatchSN: string | null;
  ExpiryDate: DearDateTime | null;
  NonInventory?: boolean;
}

export interface DearPackLine extends DearPickLine {
  /** The box name, e.g. `Box 1` — boxes are only names, no weight or size (§3.3). */
  Box: string;
  WarrantyRegistrationNumber?: string | null;
}

/** A ship line as read: the box names come back as `Boxes` (§3.4). */
export interface DearShipLine {
  ID: DearGuid;
  ShipmentDate: DearDateTime;
  Carrier: string;
  Boxes: string;
  TrackingNumber: string;
  TrackingURL: string;
  IsShipped: boolean;
}

export interface DearPickStage {
  Status: DearStageStatus;
  Lines: DearPickLine[];
}

export interface DearPackStage {
  Status: DearStageStatus;
  Lines: DearPackLine[];
}

export interface DearShipStage {
  Status: DearShipStatus;
  RequireBy: DearDateTime | null;
  ShippingAddress: DearShippingAddress;
  ShippingNotes: string;
  Lines: DearShipLine[];
}

/** Sale Fulfilment Model (§3.1). A Simple Sale has one; its TaskID may equal the sale id. */
export interface DearFulfilment {
  TaskID: DearGuid;
  FulfillmentNumber: number;
  LinkedInvoiceNumber: string | null;
  FulFilmentStatus: string;
  Pick: DearPickStage;
  Pack: DearPackStage;
  Ship: DearShipStage;
}

/** Sale Invoice Model as embedded in the sale and returned by `/sale/invoice` (§2.5). */
export interface DearInvoice extends DearTotals {
  TaskID: DearGuid;
  InvoiceNumber: string;
  Memo: string;
  Status: DearInvoiceStatus;
  InvoiceDate: DearDateTime | null;
  InvoiceDueDate: DearDateTime | null;
  CurrencyConversionRate: number;
  BillingAddressLine1: string | null;
  BillingAddressLine2: string | null;
  /** A string in the docs' example (`"1"`). */
  LinkedFulfillmentNumber: string | null;
  Lines: DearSaleLine[];
  AdditionalCharges: DearAdditionalCharge[];
  Payments: DearPayment[];
  Paid: number;
}

export interface DearAdditionalAttributes {
  AdditionalAttribute1?: string | null;
  AdditionalAttribute2?: string | null;
  AdditionalAttribute3?: string | null;
  AdditionalAttribute4?: string | null;
  AdditionalAttribute5?: string | null;
  AdditionalAttribute6?: string | null;
  AdditionalAttribute7?: string | null;
  AdditionalAttribute8?: string | null;
  AdditionalAttribute9?: string | null;
  AdditionalAttribute10?: string | null;
}

export type DearAdditionalAttributeName = keyof DearAdditionalAttributes;

export interface DearSaleAttachment {
  ID: DearGuid;
  ContentType: string;
  FileName: string;
  DownloadUrl: string;
}

/** `GET /sale?ID=` — the whole sale (§2.2). */
export interface DearSale {
  ID: DearGuid;
  Customer: string;
  CustomerID: DearGuid;
  Contact: string | null;
  Phone: string | null;
  Email: string | null;
  DefaultAccount?: string | null;
  SkipQuote: boolean;
  BillingAddress: DearAddress;
  ShippingAddress: DearShippingAddress;
  /** Customer notes (SPEC App. A). */
  ShippingNotes: string | null;
  BaseCurrency: string;
  CustomerCurrency: string;
  TaxRule: string | null;
  TaxCalculation: Open<'Inclusive' | 'Exclusive'>;
  /** Payment term *name* (§2.2). */
  Terms: string | null;
  PriceTier: string | null;
  ShipBy: DearDateTime | null;
  Location: string;
  SaleOrderDate: DearDateTime | null;
  LastModifiedOn: DearDateTime;
  /** Internal notes (SPEC App. A). */
  Note: string | null;
  CustomerReference: string | null;
  COGSAmount: number;
  Status: DearSaleStatus;
  CombinedPickingStatus: string;
  CombinedPackingStatus: string;
  CombinedShippingStatus: string;
  FulFilmentStatus: string;
  CombinedInvoiceStatus: string;
  CombinedPaymentStatus: string;
  /** All tracking numbers of the sale joined in one string; separator undocumented (§3.5). */
  CombinedTrackingNumbers: string | null;
  /** Shipping method chosen for the sale (→ requestedShippingService, SPEC App. A). */
  Carrier: string | null;
  CurrencyRate: number;
  SalesRepresentative: string | null;
  ServiceOnly: boolean;
  Type: Open<'Simple Sale' | 'Advanced Sale' | 'Service Sale'>;
  SourceChannel: string | null;
  ExternalID: string | null;
  Quote: DearSaleQuote;
  Order: DearSaleOrder;
  Fulfilments: DearFulfilment[];
  Invoices: DearInvoice[];
  CreditNotes: unknown[];
  ManualJournals?: { Status: string; Lines: unknown[] };
  AdditionalAttributes: DearAdditionalAttributes | null;
  Attachments?: DearSaleAttachment[];
  InventoryMovements?: unknown[];
  Transactions?: unknown[];
}

/** `GET /sale/fulfilment?SaleID=` (§3.1). */
export interface DearFulfilmentList {
  SaleID: DearGuid;
  Fulfilments: DearFulfilment[];
}

/** `GET /sale/fulfilment/pick|pack?TaskID=` (§3.2, §3.3). */
export interface DearPickTask extends DearPickStage {
  TaskID: DearGuid;
}

export interface DearPackTask extends DearPackStage {
  TaskID: DearGuid;
}

/** `GET|POST|PUT /sale/fulfilment/ship` (§3.4). */
export interface DearShipTask extends DearShipStage {
  TaskID: DearGuid;
}

/** `GET|POST /sale/order` (§2.4). */
export interface DearSaleOrderResponse extends DearSaleOrder {
  SaleID: DearGuid;
}

/** `GET|POST /sale/invoice` (§2.5). */
export interface DearSaleInvoices {
  SaleID: DearGuid;
  Invoices: DearInvoice[];
}

// ---------------------------------------------------------------------------------------------
// Writes (§2.4, §2.5, §3.4). Optional fields are left out of the JSON rather than sent as null.
// ---------------------------------------------------------------------------------------------

/** Ship address as written (§3.4 body): no Display* lines. */
export interface DearShippingAddressWrite {
  Line1: string;
  Line2?: string;
  City: string;
  State?: string;
  Postcode?: string;
  Country: string;
  Company?: string;
  Contact?: string;
  ShipToOther?: boolean;
}

/** A ship line as written: `Box` (singular) names one or more packed boxes (§3.4). */
export interface DearShipLineWrite {
  /** Date-only, `yyyy-MM-ddT00:00:00` (§1.8). */
  ShipmentDate: DearDateTime;
  Carrier?: string;
  Box: string;
  TrackingNumber?: string;
  TrackingURL?: string;
  IsShipped?: boolean;
}

/** `POST /sale/fulfilment/ship`: the stage's lines are replaced by these (§2, §3.4). */
export interface DearShipWrite {
  TaskID: DearGuid;
  /** SPEC App. A: `AUTHORISED` once every packed box has a shipped line, else `DRAFT`. */
  Status: 'DRAFT' | 'PARTIALLY AUTHORISED' | 'AUTHORISED';
  /** Overwrites the sale order's required-by date when set (§3.4). */
  RequireBy?: DearDateTime | null;
  ShippingAddress?: DearShippingAddressWrite;
  /** Notes to the buyer go here (SPEC App. A). */
  ShippingNotes?: string;
  Lines: DearShipLineWrite[];
}

/**
 * `PUT /sale/fulfilment/ship` with `AddTrackingNumbers: true`: changes tracking numbers or the
 * carrier of an already authorised shipment (§3.4). A line may carry the `ID` it was read with
 * (dear.md §3.4 lists `ID` as the line's read-only GUID; JP sends it back on update) so DEAR
 * edits that line instead of matching by box.
 */
export interface DearShipTrackingUpdate extends Omit<DearShipWrite, 'Status' | 'Lines'> {
  Status?: DearShipWrite['Status'];
  AddTrackingNumbers: true;
  Lines: Array<DearShipLineWrite & { ID?: DearGuid }>;
}

export interface DearSaleLineWrite {
  ProductID: DearGuid;
  SKU?: string;
  Name?: string;
  Quantity: number;
  Price: number;
  Discount?: number;
  Tax?: number;
  TaxRule?: string;
  Comment?: string;
  Total?: number;
  /** Invoice lines only. */
  Account?: string;
  /** Order lines only. */
  DropShip?: boolean;
}

export interface DearAdditionalChargeWrite {
  /** Name of a *service* product, e.g. "Freight" (§2.4, §3.5). */
  Description: string;
  Price: number;
  Quantity: number;
  Discount?: number;
  Tax?: number;
  TaxRule?: string;
  Comment?: string;
  Total?: number;
  /** Invoices only. */
  Account?: string;
}

/** The empty GUID asks DEAR to create a new invoice task (§2.5). */
export const DEAR_EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * `POST /sale/invoice` (Sale Invoice POST Model, §2.5). A POST replaces the invoice's lines and
 * charges, so the write-back reads the invoice, appends the freight charge and sends the whole set
 * (SPEC App. A). Only a `DRAFT` / `NOT AVAILABLE` invoice can be written.
 */
export interface DearSaleInvoiceWrite {
  SaleID: DearGuid;
  TaskID: DearGuid;
  CombineAdditionalCharges?: boolean;
  Memo?: string;
  Status: 'DRAFT' | 'AUTHORISED';
  InvoiceDate?: DearDateTime;
  InvoiceDueDate?: DearDateTime;
  CurrencyConversionRate?: number;
  BillingAddressLine1?: string;
  BillingAddressLine2?: string;
  LinkedFulfillmentNumber?: string;
  Lines?: DearSaleLineWrite[];
  AdditionalCharges?: DearAdditionalChargeWrite[];
}

/** `POST /sale/order` (§2.4): replaces the order's lines and charges; only while DRAFT. */
export interface DearSaleOrderWrite {
  SaleID: DearGuid;
  CombineAdditionalCharges?: boolean;
  Memo?: string;
  Status: 'DRAFT' | 'AUTHORISED';
  AutoPickPackShipMode?: 'NOPICK' | 'AUTOPICK' | 'AUTOPICKPACK' | 'AUTOPICKPACKSHIP';
  Lines: DearSaleLineWrite[];
  AdditionalCharges?: DearAdditionalChargeWrite[];
  TotalBeforeTax?: number;
  Tax?: number;
  Total?: number;
}

// ---------------------------------------------------------------------------------------------
// Products (§5)
// ---------------------------------------------------------------------------------------------

/**
 * Attachment Line Model (§5.1). Images are attachments; `IsDefault` marks the default product
 * image (the docs' example renders it as the string `"true"`, hence the union).
 */
export interface DearAttachment {
  ID: DearGuid;
  ContentType: string;
  IsDefault?: boolean | string;
  FileName: string;
  DownloadUrl: string;
}

/**
 * A product (§5.1). It has **no option fields** — options come from its product family
 * (`Option1..3` on {@link DearProductFamilyMember}); custom data is `AdditionalAttribute1..10`.
 */
export interface DearProduct extends DearAdditionalAttributes {
  ID: DearGuid;
  SKU: string;
  Name: string;
  Category: string | null;
  Brand: string | null;
  Type: Open<'Stock' | 'Service'>;
  UOM: string;
  Barcode: string | null;
  DefaultLocation: string | null;
  Length: number;
  Width: number;
  Height: number;
  /** In `WeightUnits` (the docs' "in kilograms" is contradicted by its examples, §5.1). */
  Weight: number;
  WeightUnits: DearWeightUnits;
  DimensionsUnits: DearDimensionsUnits | null;
  Status: Open<'Active' | 'Deprecated'>;
  /** Free-text shelf position — not a bin reference (§5.1, §5.4). */
  StockLocator: string | null;
  PickZones?: string | null;
  ShortDescription?: string | null;
  AverageCost?: number;
  PriceTier1?: number;
  HSCode?: string | null;
  CountryOfOrigin?: string | null;
  CountryOfOriginCode?: string | null;
  LastModifiedOn: DearDateTime;
  /** Only with `IncludeAttachments=true` (§5.1). */
  Attachments?: DearAttachment[];
}

export interface DearProductList extends DearPage {
  Products: DearProduct[];
}

export interface DearProductFamilyMember {
  ID: DearGuid;
  SKU: string;
  Name: string;
  Option1: string | null;
  Option2: string | null;
  Option3: string | null;
}

/** `/productFamily` (§5.1 "Options / variants"). */
export interface DearProductFamily {
  ID: DearGuid;
  SKU: string;
  Name: string;
  Category?: string | null;
  Option1Name: string | null;
  Option1Values?: string | null;
  Option2Name: string | null;
  Option2Values?: string | null;
  Option3Name: string | null;
  Option3Values?: string | null;
  LastModifiedOn?: DearDateTime;
  Products: DearProductFamilyMember[];
}

export interface DearProductFamilyList extends DearPage {
  ProductFamilies: DearProductFamily[];
}

// ---------------------------------------------------------------------------------------------
// Reference data (§5.4, §7)
// ---------------------------------------------------------------------------------------------

/** `Description` is the carrier name used in sale and ship-line `Carrier` (§7.1). */
export interface DearCarrier {
  CarrierID: DearGuid;
  Description: string;
}

export interface DearCarrierList extends DearPage {
  CarrierList: DearCarrier[];
}

export interface DearBin {
  ID: DearGuid;
  Name: string;
  IsDeprecated: boolean;
  IsStaging: boolean;
}

/** A location row (§5.4). Bins are listed as rows too, with `ParentID`/`ParentName` set. */
export interface DearLocation {
  ID: DearGuid;
  Name: string;
  IsDefault: boolean;
  IsDeprecated: boolean;
  Bins: DearBin[] | null;
  ParentID: DearGuid | null;
  ParentName: string | null;
  FixedAssetsLocation?: boolean;
  ReferenceCount?: number;
  AddressLine1: string | null;
  AddressLine2: string | null;
  AddressCitySuburb: string | null;
  AddressStateProvince: string | null;
  AddressZipPostCode: string | null;
  AddressCountry: string | null;
  PickZones?: string | null;
  IsShopfloor?: boolean;
  IsCoMan?: boolean;
  IsStaging?: boolean;
}

export interface DearLocationList extends DearPage {
  LocationList: DearLocation[];
}

// ---------------------------------------------------------------------------------------------
// Webhooks (§6)
// ---------------------------------------------------------------------------------------------

/** Documented types (§6.2); newer ones are accepted as plain strings. */
export type DearWebhookType = Open<
  | 'Sale/QuoteAuthorised' | 'Sale/OrderAuthorised' | 'Sale/Voided' | 'Sale/Backordered' | 'Sale/ShipmentAuthorised'
  | 'Sale/InvoiceAuthorised' | 'Sale/PickAuthorised' | 'Sale/PackAuthorised' | 'Sale/CreditNoteAuthorised' | 'Sale/Undo'
  | 'Sale/PartialPaymentReceived' | 'Sale/FullPaymentReceived' | 'Sale/ShipmentTrackingNumberChanged' | 'Sale/Created'
  | 'Sale/AttachmentAdded' | 'Sale/AdditionalAttributesChanged' | 'Product/Updated' | 'Stock/AvailableStockLevelChanged'
  | 'Customer/Updated' | 'Supplier/Updated'
>;

export type DearWebhookAuthorizationType = 'noauth' | 'basicauth' | 'bearerauth';

export interface DearWebhookHeader {
  Key: string;
  Value: string;
}

/** A webhook as DEAR returns it (§6.1). Credentials not used by the auth type are null. */
export interface DearWebhook {
  ID: DearGuid;
  Type: DearWebhookType;
  /** Read-only friendly name. */
  Name: string;
  /** DEAR switches this off after 6 failed deliveries (§6.4). */
  IsActive: boolean;
  ExternalURL: string;
  ExternalAuthorizationType: DearWebhookAuthorizationType;
  ExternalUserName: string | null;
  ExternalPassword: string | null;
  ExternalBearerToken: string | null;
  ExternalHeaders: DearWebhookHeader[];
}

/**
 * `POST /webhooks` body (§6.1): no `ID`. SPEC App. A registers `bearerauth` with a per-connection
 * `ExternalBearerToken`. Unused credentials are omitted (the request schema types them as plain
 * strings, so null is not sent).
 */
export interface DearWebhookCreate {
  Type: DearWebhookType;
  IsActive: boolean;
  ExternalURL: string;
  ExternalAuthorizationType: DearWebhookAuthorizationType;
  ExternalUserName?: string;
  ExternalPassword?: string;
  ExternalBearerToken?: string;
  ExternalHeaders?: DearWebhookHeader[];
}

/** `PUT /webhooks` body: the whole webhook with its `ID` (§6.1). */
export interface DearWebhookUpdate extends DearWebhookCreate {
  ID: DearGuid;
}

/** `GET|POST|PUT|DELETE /webhooks` all answer this envelope (DELETE with `[]`). */
export interface DearWebhookList {
  Webhooks: DearWebhook[];
}
