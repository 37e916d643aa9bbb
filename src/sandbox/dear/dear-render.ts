/**
 * Renders the simulator's state as DEAR's wire JSON (shapes from dear-v2.openapi.yaml,
 * key names and quirks from dear.md §2–§3).
 */
import { deriveStatuses, docTotals, fulfilmentStatus, invoicePaid, invoiceStatus, lineTotal, paidAmount } from './dear-status';
import type { AdditionalCharge, Address, DearState, Fulfilment, Invoice, Payment, PickPackLine, Product, Sale, SaleLine, ShipLine, ShippingAddress } from './dear-types';
import { formatCreated, formatDateOnly, formatModified } from './dear-util';

export type CountryFormat = 'Regular' | 'Code2' | 'Code';

/** `CountryFormat` (dear.md §2.2): name (Regular), ISO alpha-2 (Code2) or alpha-3 (Code). */
const COUNTRIES: Array<[string, string, string]> = [
  ['United States', 'US', 'USA'],
  ['Canada', 'CA', 'CAN'],
  ['United Kingdom', 'GB', 'GBR'],
  ['Australia', 'AU', 'AUS'],
  ['New Zealand', 'NZ', 'NZL'],
  ['Germany', 'DE', 'DEU'],
  ['France', 'FR', 'FRA'],
  ['Mexico', 'MX', 'MEX'],
  ['Ireland', 'IE', 'IRL'],
];

export function formatCountry(name: string | null, format: CountryFormat): string | null {
  if (name === null || name === '' || format === 'Regular') return name;
  const row = COUNTRIES.find((c) => c[0].toLowerCase() === name.toLowerCase());
  if (!row) return name;
  return format === 'Code2' ? row[1] : row[2];
}

function displayLines(a: Address): { DisplayAddressLine1: string; DisplayAddressLine2: string } {
  const j = (parts: Array<string | null>) => parts.filter((p) => p !== null && p !== '').join(' ');
  return { DisplayAddressLine1: j([a.Line1, a.Line2]), DisplayAddressLine2: j([a.City, a.State, a.Postcode]) };
}

export function renderAddress(a: Address, cf: CountryFormat) {
  return { ...displayLines(a), Line1: a.Line1, Line2: a.Line2, City: a.City, State: a.State, Postcode: a.Postcode, Country: formatCountry(a.Country, cf) };
}

export function renderShippingAddress(a: ShippingAddress, cf: CountryFormat) {
  return { ...renderAddress(a, cf), Company: a.Company, Contact: a.Contact, ShipToOther: a.ShipToOther };
}

/** "Additional fields" every nested object with a ProductID carries (dear.md §2.2). */
export function productInfo(p: Product | undefined) {
  const custom: Record<string, string | null> = {};
  for (let i = 0; i < 10; i++) custom[`ProductCustomField${i + 1}`] = p?.AdditionalAttributes[i] ?? null;
  return {
    ProductLength: p?.Length ?? 0,
    ProductWidth: p?.Width ?? 0,
    ProductHeight: p?.Height ?? 0,
    ProductWeight: p?.Weight ?? 0,
    WeightUnits: p?.WeightUnits ?? '',
    DimensionsUnits: p?.DimensionsUnits ?? '',
    ...custom,
  };
}

export class Renderer {
  private readonly products: Map<string, Product>;
  constructor(private readonly state: DearState) {
    this.products = new Map(state.products.map((p) => [p.ID, p]));
  }

  product(id: string): Product | undefined {
    return this.products.get(id) ?? this.state.products.find((p) => p.ID === id);
  }

  saleLine(l: SaleLine, withInfo = true) {
    const p = this.product(l.ProductID);
    return {
      ProductID: l.ProductID,
      SKU: p?.SKU ?? '',
      Name: p?.Name ?? '',
      Quantity: l.Quantity,
      Price: l.Price,
      Discount: l.Discount,
      Tax: l.Tax,
      AverageCost: p?.AverageCost ?? 0,
      TaxRule: l.TaxRule,
      Comment: l.Comment,
      ...(l.DropShip !== undefined ? { DropShip: l.DropShip } : {}),
      ...(l.BackorderQuantity !== undefined ? { BackorderQuantity: l.BackorderQuantity, Backorder: l.BackorderQuantity > 0 } : {}),
      Total: lineTotal(l),
      ...(withInfo ? productInfo(p) : {}),
    };
  }

  charge(c: AdditionalCharge) {
    return { Description: c.Description, Price: c.Price, Quantity: c.Quantity, Discount: c.Discount, Tax: c.Tax, Total: lineTotal(c), TaxRule: c.TaxRule, Comment: c.Comment, ...(c.Account !== undefined ? { Account: c.Account } : {}) };
  }

  payment(p: Payment) {
    return { ID: p.ID, Reference: p.Reference, Amount: p.Amount, DatePaid: formatDateOnly(p.DatePaid), Account: p.Account, CurrencyRate: p.CurrencyRate, DateCreated: formatCreated(p.DateCreated) };
  }

  pickPackLine(l: PickPackLine, pack: boolean, withInfo = true) {
    const p = this.product(l.ProductID);
    return {
      ProductID: l.ProductID,
      SKU: p?.SKU ?? '',
      Name: p?.Name ?? '',
      Location: l.Location,
      LocationID: l.LocationID,
      Quantity: l.Quantity,
      BatchSN: l.BatchSN,
      ExpiryDate: l.ExpiryDate,
      NonInventory: l.NonInventory,
      ...(pack ? { Box: l.Box ?? '', WarrantyRegistrationNumber: null } : {}),
      ...(withInfo ? productInfo(p) : {}),
    };
  }

  /** Read side of a ship line: the box names come back as `Boxes` (dear.md §3.4, §9 #11). */
  shipLine(l: ShipLine) {
    return { ID: l.ID, ShipmentDate: l.ShipmentDate, Carrier: l.Carrier, Boxes: l.Boxes, TrackingNumber: l.TrackingNumber, TrackingURL: l.TrackingURL, IsShipped: l.IsShipped };
  }

  ship(sale: Sale, f: Fulfilment, cf: CountryFormat) {
    return {
      Status: f.Ship.Status,
      RequireBy: f.Ship.RequireBy,
      ShippingAddress: renderShippingAddress(f.Ship.ShippingAddress ?? sale.ShippingAddress, cf),
      ShippingNotes: f.Ship.ShippingNotes,
      Lines: f.Ship.Lines.map((l) => this.shipLine(l)),
    };
  }

  fulfilment(sale: Sale, f: Fulfilment, cf: CountryFormat, withInfo = true) {
    const linked = sale.Invoices.find((i) => i.LinkedFulfillmentNumber === String(f.FulfillmentNumber));
    return {
      TaskID: f.TaskID,
      FulfillmentNumber: f.FulfillmentNumber,
      LinkedInvoiceNumber: linked?.InvoiceNumber ?? null,
      FulFilmentStatus: fulfilmentStatus(f),
      Pick: { Status: f.Pick.Status, Lines: f.Pick.Lines.map((l) => this.pickPackLine(l, false, withInfo)) },
      Pack: { Status: f.Pack.Status, Lines: f.Pack.Lines.map((l) => this.pickPackLine(l, true, withInfo)) },
      Ship: this.ship(sale, f, cf),
    };
  }

  quote(sale: Sale) {
    const q = sale.Quote;
    return { Memo: q.Memo, Status: q.Status, Prepayments: q.Prepayments.map((p) => this.payment(p)), Lines: q.Lines.map((l) => this.saleLine(l)), AdditionalCharges: q.AdditionalCharges.map((c) => this.charge(c)), ...docTotals(q) };
  }

  order(sale: Sale, withInfo = true) {
    const o = sale.Order;
    return { SaleOrderNumber: sale.OrderNumber, Memo: o.Memo, Status: o.Status, Lines: o.Lines.map((l) => this.saleLine(l, withInfo)), AdditionalCharges: o.AdditionalCharges.map((c) => this.charge(c)), ...docTotals(o) };
  }

  invoice(inv: Invoice, withInfo = true) {
    const totals = docTotals(inv);
    return {
      TaskID: inv.TaskID,
      InvoiceNumber: inv.InvoiceNumber,
      Memo: inv.Memo,
      Status: invoiceStatus(inv),
      InvoiceDate: inv.InvoiceDate,
      InvoiceDueDate: inv.InvoiceDueDate,
      CurrencyConversionRate: inv.CurrencyConversionRate,
      BillingAddressLine1: '',
      BillingAddressLine2: '',
      LinkedFulfillmentNumber: inv.LinkedFulfillmentNumber,
      Lines: inv.Lines.map((l) => ({ ...this.saleLine(l, withInfo), Account: l.Account })),
      AdditionalCharges: inv.AdditionalCharges.map((c) => this.charge({ ...c, Account: c.Account ?? '4000' })),
      Payments: inv.Payments.map((p) => this.payment(p)),
      ...totals,
      Paid: invoicePaid(inv),
    };
  }

  /** `GET /sale?ID=` (dear.md §2.2, key order as in the docs' example). */
  sale(sale: Sale, cf: CountryFormat = 'Regular') {
    const d = deriveStatuses(sale);
    return {
      ID: sale.ID,
      Customer: sale.Customer,
      CustomerID: sale.CustomerID,
      Contact: sale.Contact,
      Phone: sale.Phone,
      Email: sale.Email,
      DefaultAccount: sale.DefaultAccount,
      SkipQuote: sale.SkipQuote,
      BillingAddress: renderAddress(sale.BillingAddress, cf),
      ShippingAddress: renderShippingAddress(sale.ShippingAddress, cf),
      ShippingNotes: sale.ShippingNotes,
      BaseCurrency: sale.BaseCurrency,
      CustomerCurrency: sale.CustomerCurrency,
      TaxRule: sale.TaxRule,
      TaxCalculation: sale.TaxCalculation,
      Terms: sale.Terms,
      PriceTier: sale.PriceTier,
      ShipBy: sale.ShipBy,
      Location: sale.Location,
      SaleOrderDate: sale.SaleOrderDate,
      LastModifiedOn: formatModified(sale.Updated),
      Note: sale.Note,
      CustomerReference: sale.CustomerReference,
      COGSAmount: 0,
      Status: d.Status,
      CombinedPickingStatus: d.CombinedPickingStatus,
      CombinedPackingStatus: d.CombinedPackingStatus,
      CombinedShippingStatus: d.CombinedShippingStatus,
      FulFilmentStatus: d.FulFilmentStatus,
      CombinedInvoiceStatus: d.CombinedInvoiceStatus,
      CombinedPaymentStatus: d.CombinedPaymentStatus,
      CombinedTrackingNumbers: d.CombinedTrackingNumbers,
      Carrier: sale.Carrier,
      CurrencyRate: sale.CurrencyRate,
      SalesRepresentative: sale.SalesRepresentative,
      ServiceOnly: sale.ServiceOnly,
      Type: sale.Type,
      SourceChannel: sale.SourceChannel,
      Quote: this.quote(sale),
      Order: this.order(sale),
      Fulfilments: sale.Fulfilments.map((f) => this.fulfilment(sale, f, cf)),
      Invoices: sale.Invoices.map((i) => this.invoice(i)),
      CreditNotes: [],
      ManualJournals: { Status: 'NOT AVAILABLE', Lines: [] },
      ExternalID: sale.ExternalID,
      AdditionalAttributes: { ...sale.AdditionalAttributes },
      Attachments: [],
      InventoryMovements: [],
    };
  }

  /** A `/saleList` row: header and statuses only, no lines (dear.md §2.1). */
  saleListRow(sale: Sale) {
    const d = deriveStatuses(sale);
    const inv = sale.Invoices.find((i) => i.Status !== 'VOIDED');
    const { prepaid, paid } = paidAmount(sale);
    const invoiced = sale.Invoices.filter((i) => i.Status === 'AUTHORISED').reduce((s, i) => s + docTotals(i).Total, 0);
    return {
      SaleID: sale.ID,
      OrderNumber: sale.OrderNumber,
      Status: d.Status,
      OrderDate: sale.SaleOrderDate,
      InvoiceDate: inv?.InvoiceDate ?? null,
      Customer: sale.Customer,
      CustomerID: sale.CustomerID,
      InvoiceNumber: inv?.InvoiceNumber ?? null,
      CustomerReference: sale.CustomerReference,
      InvoiceAmount: invoiced,
      PaidAmount: prepaid + paid,
      InvoiceDueDate: inv?.InvoiceDueDate ?? null,
      ShipBy: sale.ShipBy,
      BaseCurrency: sale.BaseCurrency,
      CustomerCurrency: sale.CustomerCurrency,
      CreditNoteNumber: null,
      Updated: formatModified(sale.Updated),
      QuoteStatus: sale.SkipQuote && sale.Quote.Status === 'NOT AVAILABLE' ? 'NOT AVAILABLE' : sale.Quote.Status,
      OrderStatus: sale.Order.Status,
      CombinedPickingStatus: d.CombinedPickingStatus,
      CombinedPackingStatus: d.CombinedPackingStatus,
      CombinedShippingStatus: d.CombinedShippingStatus,
      FulFilmentStatus: d.FulFilmentStatus,
      CombinedInvoiceStatus: d.CombinedInvoiceStatus,
      CreditNoteStatus: d.CreditNoteStatus,
      CombinedPaymentStatus: d.CombinedPaymentStatus,
      Type: sale.Type,
      CombinedTrackingNumbers: d.CombinedTrackingNumbers,
      SourceChannel: sale.SourceChannel,
      ExternalID: sale.ExternalID,
      OrderLocationID: sale.LocationID,
    };
  }
}

