/**
 * Sale endpoints: `/saleList`, `/sale`, `/sale/order`, `/sale/invoice`
 * (dear.md §2.1, §2.2, §2.4, §2.5).
 */
import { arr, bodyObject, countryFormat, findSale, type HandlerContext, num, pageOf, paging, str, touch } from './dear-context';
import { badRequest, okButFailed } from './dear-errors';
import { emptyFulfilment } from './dear-fulfilment';
import { deriveStatuses } from './dear-status';
import type { AdditionalCharge, Invoice, Product, Sale, SaleLine } from './dear-types';
import { EMPTY_GUID, newGuid, normaliseDateOnly, parseDearDate } from './dear-util';

function dateParam(ctx: HandlerContext, name: string): Date | undefined {
  const v = ctx.q.get(name);
  if (v === undefined || v === '') return undefined;
  const d = parseDearDate(v);
  if (!d) throw badRequest(`${name} must be a date in ISO 8601 format (yyyy-MM-ddTHH:mm:ss).`);
  return d;
}

/** `GET /saleList` — paged rows without lines; filters as documented (dear.md §2.1). */
export function getSaleList(ctx: HandlerContext) {
  const { page, limit } = paging(ctx);
  const q = ctx.q;
  const search = q.get('Search')?.toLowerCase();
  const createdSince = dateParam(ctx, 'CreatedSince');
  const updatedSince = dateParam(ctx, 'UpdatedSince');
  const updatedUntil = dateParam(ctx, 'UpdatedUntil');
  const shipBy = dateParam(ctx, 'ShipBy');
  const eq = (name: string, value: string | null) => {
    const want = q.get(name);
    return want === undefined || want === '' || (value ?? '').toUpperCase() === want.toUpperCase();
  };
  const rows = ctx.state.sales
    .map((sale) => ({ sale, row: ctx.render.saleListRow(sale) }))
    .filter(({ sale, row }) => {
      if (search && ![row.OrderNumber, row.Status, row.Customer, row.InvoiceNumber, row.CustomerReference, row.CreditNoteNumber].some((f) => (f ?? '').toLowerCase().includes(search))) return false;
      if (createdSince && !(sale.Created.getTime() > createdSince.getTime())) return false;
      // "Only return sales changed after specified date" — strictly after.
      if (updatedSince && !(sale.Updated.getTime() > updatedSince.getTime())) return false;
      if (updatedUntil && !(sale.Updated.getTime() <= updatedUntil.getTime())) return false;
      if (shipBy) {
        if (!sale.ShipBy || parseDearDate(sale.ShipBy)!.getTime() > shipBy.getTime()) return false;
        if (row.CombinedShippingStatus === 'SHIPPED') return false;
      }
      if (!eq('QuoteStatus', row.QuoteStatus) || !eq('OrderStatus', row.OrderStatus) || !eq('Status', row.Status)) return false;
      // Filter names differ from the row fields they filter (dear.md §2.1, §9 #11).
      if (!eq('CombinedPickStatus', row.CombinedPickingStatus) || !eq('CombinedPackStatus', row.CombinedPackingStatus)) return false;
      if (!eq('CombinedShippingStatus', row.CombinedShippingStatus) || !eq('CombinedInvoiceStatus', row.CombinedInvoiceStatus)) return false;
      if (!eq('CreditNoteStatus', row.CreditNoteStatus)) return false;
      const ext = q.get('ExternalID');
      if (ext && sale.ExternalID !== ext) return false;
      const loc = q.get('OrderLocationID');
      if (loc && sale.LocationID.toLowerCase() !== loc.toLowerCase()) return false;
      if (q.get('ReadyForShipping')?.toLowerCase() === 'true') {
        const fs = sale.Fulfilments.filter((f) => !f.Voided);
        if (sale.Voided || !fs.some((f) => f.Pack.Status === 'AUTHORISED' && f.Ship.Status !== 'AUTHORISED')) return false;
      }
      return true;
    })
    .map((r) => r.row);
  return { Total: rows.length, Page: page, SaleList: pageOf(rows, page, limit) };
}

/** `GET /sale?ID=` — the whole sale (dear.md §2.2). */
export function getSale(ctx: HandlerContext) {
  const sale = findSale(ctx, ctx.q.get('ID'));
  return ctx.render.sale(sale, countryFormat(ctx));
}

/** Resolves a written line's product by ProductID or SKU (reference values by name, §9 #10). */
function resolveProduct(ctx: HandlerContext, l: Record<string, unknown>): Product {
  const id = str(l.ProductID);
  const sku = str(l.SKU);
  const p = ctx.state.products.find((x) => (id && x.ID.toLowerCase() === id.toLowerCase()) || (!id && sku && x.SKU.toLowerCase() === sku.toLowerCase()));
  if (!p) throw badRequest(`Product not found: ${id || sku || '(none given)'}.`);
  return p;
}

function parseLines(ctx: HandlerContext, raw: unknown, name: string): SaleLine[] {
  return arr(raw, name).map((l) => {
    const p = resolveProduct(ctx, l);
    const quantity = num(l.Quantity);
    if (quantity <= 0) throw badRequest(`Quantity for ${p.SKU} must be greater than 0.`);
    const discount = num(l.Discount);
    if (discount < 0 || discount > 100) throw badRequest('Discount must be between 0 and 100.');
    return { ProductID: p.ID, Quantity: quantity, Price: num(l.Price, p.PriceTier1), Discount: discount, Tax: num(l.Tax), TaxRule: str(l.TaxRule, 'Tax Exempt'), Comment: str(l.Comment), DropShip: Boolean(l.DropShip) };
  });
}

function parseCharges(raw: unknown, withAccount: boolean): AdditionalCharge[] {
  return arr(raw, 'AdditionalCharges').map((c) => {
    const description = str(c.Description);
    if (!description) throw badRequest('AdditionalCharges: Description is required.');
    return { Description: description, Price: num(c.Price), Quantity: num(c.Quantity, 1), Discount: num(c.Discount), Tax: num(c.Tax), TaxRule: str(c.TaxRule, 'Tax Exempt'), Comment: str(c.Comment), ...(withAccount ? { Account: str(c.Account, '4000') } : {}) };
  });
}

function stageStatus(v: unknown): 'DRAFT' | 'AUTHORISED' {
  const s = str(v, 'DRAFT').toUpperCase();
  if (s !== 'DRAFT' && s !== 'AUTHORISED') throw badRequest(`Status '${str(v)}' is not valid. Use DRAFT or AUTHORISED.`);
  return s;
}

/** `GET /sale/order?SaleID=` */
export function getOrder(ctx: HandlerContext) {
  const sale = findSale(ctx, ctx.q.get('SaleID'), 'SaleID');
  return { SaleID: sale.ID, ...ctx.render.order(sale, ctx.q.bool('IncludeProductInfo')) };
}

/**
 * `POST /sale/order`: replaces the order's lines and charges (a stage POST replaces its
 * lines). Fails unless the order is DRAFT / NOT AVAILABLE and the quote is AUTHORISED
 * (or skipped) (dear.md §2.4). Authorising creates backorders for lines beyond stock.
 */
export function postOrder(ctx: HandlerContext) {
  const b = bodyObject(ctx);
  const sale = findSale(ctx, str(b.SaleID), 'SaleID');
  if (sale.Voided) throw badRequest('Sale is voided.');
  if (sale.Order.Status !== 'DRAFT' && sale.Order.Status !== 'NOT AVAILABLE') throw badRequest(`Sale order cannot be changed: order status is ${sale.Order.Status}.`);
  if (!sale.SkipQuote && sale.Quote.Status !== 'AUTHORISED') throw badRequest('Sale quote must be authorised before the order.');
  const status = stageStatus(b.Status);
  const lines = b.Lines === undefined ? sale.Order.Lines : parseLines(ctx, b.Lines, 'Lines');
  sale.Order.Lines = lines;
  if (b.AdditionalCharges !== undefined) sale.Order.AdditionalCharges = parseCharges(b.AdditionalCharges, false);
  sale.Order.Memo = str(b.Memo, sale.Order.Memo);
  sale.Order.Status = status;
  if (status === 'AUTHORISED') {
    if (lines.length === 0) throw badRequest('Order has no lines.');
    for (const l of lines) {
      const p = ctx.state.products.find((x) => x.ID === l.ProductID);
      l.BackorderQuantity = p && p.Type === 'Stock' ? Math.max(0, l.Quantity - p.Available) : 0;
    }
    // The fulfilment exists from authorisation on; a simple sale's TaskID is the sale id (§3.1).
    if (sale.Fulfilments.length === 0) sale.Fulfilments.push(emptyFulfilment(sale.Type === 'Simple Sale' ? sale.ID : newGuid(), 1));
  }
  touch(ctx, sale);
  return { SaleID: sale.ID, ...ctx.render.order(sale) };
}

/** `GET /sale/invoice?SaleID=` → `{SaleID, Invoices}` (dear.md §2.5). */
export function getInvoices(ctx: HandlerContext) {
  const sale = findSale(ctx, ctx.q.get('SaleID'), 'SaleID');
  const info = ctx.q.bool('IncludeProductInfo');
  return { SaleID: sale.ID, Invoices: sale.Invoices.map((i) => ctx.render.invoice(i, info)) };
}

/**
 * `POST /sale/invoice`: creates (TaskID empty GUID / absent) or rewrites a draft
 * invoice; lines and charges sent replace the stored ones (the write-back reads the
 * invoice, appends the freight charge and writes the whole set — SPEC App. A).
 * Requires an authorised order. An invoice already AUTHORISED refuses changes; DEAR
 * answers some write failures with HTTP 200 and an Error Model body (dear.md §1.6), and
 * that is how this one is answered.
 */
export function postInvoice(ctx: HandlerContext) {
  const b = bodyObject(ctx);
  const sale = findSale(ctx, str(b.SaleID), 'SaleID');
  if (sale.Voided) throw badRequest('Sale is voided.');
  if (sale.Order.Status !== 'AUTHORISED') throw badRequest('Sale order must be authorised before invoicing.');
  const taskId = str(b.TaskID);
  let inv: Invoice | undefined;
  if (taskId && taskId !== EMPTY_GUID) {
    inv = sale.Invoices.find((i) => i.TaskID.toLowerCase() === taskId.toLowerCase());
    if (!inv) throw badRequest(`Invoice with TaskID '${taskId}' not found.`);
  } else if (sale.Type === 'Simple Sale') {
    inv = sale.Invoices[0]; // a simple sale has one invoice (dear.md §2)
  }
  if (inv && inv.Status !== 'DRAFT' && inv.Status !== 'NOT AVAILABLE') {
    throw okButFailed(`Invoice ${inv.InvoiceNumber} is ${inv.Status} and cannot be changed.`);
  }
  const status = stageStatus(b.Status);
  const now = ctx.now();
  if (!inv) {
    inv = {
      TaskID: sale.Type === 'Simple Sale' ? sale.ID : newGuid(),
      InvoiceNumber: `INV-${(ctx.state.counters.invoice++).toString().padStart(5, '0')}`,
      Memo: '',
      Status: 'DRAFT',
      InvoiceDate: null,
      InvoiceDueDate: null,
      CurrencyConversionRate: 1,
      LinkedFulfillmentNumber: '1',
      Lines: sale.Order.Lines.map((l) => ({ ...l, Account: '4000' })),
      AdditionalCharges: sale.Order.AdditionalCharges.map((c) => ({ ...c, Account: '4000' })),
      Payments: [],
    };
    sale.Invoices.push(inv);
  }
  if (b.Lines !== undefined) inv.Lines = parseLines(ctx, b.Lines, 'Lines').map((l) => ({ ...l, Account: '4000' }));
  if (b.AdditionalCharges !== undefined) inv.AdditionalCharges = parseCharges(b.AdditionalCharges, true);
  inv.Memo = str(b.Memo, inv.Memo);
  inv.InvoiceDate = b.InvoiceDate !== undefined ? normaliseDateOnly(b.InvoiceDate, now) : (inv.InvoiceDate ?? normaliseDateOnly(undefined, now));
  inv.InvoiceDueDate = b.InvoiceDueDate !== undefined ? normaliseDateOnly(b.InvoiceDueDate, now) : (inv.InvoiceDueDate ?? inv.InvoiceDate);
  if (b.LinkedFulfillmentNumber !== undefined) inv.LinkedFulfillmentNumber = str(b.LinkedFulfillmentNumber);
  inv.Status = status;
  touch(ctx, sale);
  return { SaleID: sale.ID, Invoices: sale.Invoices.map((i) => ctx.render.invoice(i)) };
}

/** Used by tests and the factory's typed state. */
export function saleStatuses(sale: Sale) {
  return deriveStatuses(sale);
}
