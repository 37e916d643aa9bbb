/**
 * Derived statuses of a sale (dear.md §4): the overall `Status` (§4.1) and the
 * `Combined*` fields summarising all fulfilments (§4.3), plus totals and payments.
 */
import type { Fulfilment, Invoice, Sale } from './dear-types';
import { round4 } from './dear-util';

export function lineTotal(l: { Quantity: number; Price: number; Discount: number }): number {
  return round4(l.Quantity * l.Price * (1 - l.Discount / 100));
}

export function docTotals(doc: { Lines: Array<{ Quantity: number; Price: number; Discount: number; Tax: number }>; AdditionalCharges: Array<{ Quantity: number; Price: number; Discount: number; Tax: number }> }) {
  const before = round4(doc.Lines.reduce((s, l) => s + lineTotal(l), 0) + doc.AdditionalCharges.reduce((s, c) => s + lineTotal(c), 0));
  const tax = round4(doc.Lines.reduce((s, l) => s + l.Tax, 0) + doc.AdditionalCharges.reduce((s, c) => s + c.Tax, 0));
  return { TotalBeforeTax: before, Tax: tax, Total: round4(before + tax) };
}

export function invoicePaid(inv: Invoice): number {
  return round4(inv.Payments.reduce((s, p) => s + p.Amount, 0));
}

/** An authorised invoice whose payments cover it reads as `PAID` (§4.2). */
export function invoiceStatus(inv: Invoice): string {
  if (inv.Status === 'AUTHORISED' && invoicePaid(inv) >= docTotals(inv).Total && docTotals(inv).Total > 0) return 'PAID';
  return inv.Status;
}

function activeFulfilments(sale: Sale): Fulfilment[] {
  return sale.Fulfilments.filter((f) => !f.Voided);
}

/** Combine one stage across fulfilments into PICKED / PARTIALLY PICKED / PICKING / NOT PICKED (§4.3). */
function combine(statuses: string[], done: string, partial: string, doing: string, notDone: string): string {
  if (statuses.length === 0) return notDone;
  const auth = statuses.filter((s) => s === 'AUTHORISED').length;
  if (auth === statuses.length) return done;
  if (auth > 0 || statuses.includes('PARTIALLY AUTHORISED')) return partial;
  if (statuses.includes('DRAFT')) return doing;
  return notDone;
}

export interface DerivedStatuses {
  Status: string;
  CombinedPickingStatus: string;
  CombinedPackingStatus: string;
  CombinedShippingStatus: string;
  FulFilmentStatus: string;
  CombinedInvoiceStatus: string;
  CombinedPaymentStatus: string;
  CreditNoteStatus: string;
  CombinedTrackingNumbers: string;
}

export function fulfilmentStatus(f: Fulfilment): string {
  if (f.Voided) return 'VOIDED';
  return f.Ship.Status === 'AUTHORISED' ? 'FULFILLED' : 'NOT FULFILLED';
}

/**
 * `CombinedTrackingNumbers`: every ship line's tracking number of the sale in one
 * string. Cin7's separator is undocumented (dear.md open question 7); we join with
 * ", " (the comma-joined form a public integration builds, §3.5), deduplicated.
 */
export function combinedTrackingNumbers(sale: Sale): string {
  const all = activeFulfilments(sale).flatMap((f) => f.Ship.Lines.map((l) => l.TrackingNumber.trim())).filter(Boolean);
  return [...new Set(all)].join(', ');
}

export function orderTotal(sale: Sale): number {
  return docTotals(sale.Order).Total;
}

export function paidAmount(sale: Sale): { prepaid: number; paid: number } {
  const prepaid = round4(sale.Quote.Prepayments.reduce((s, p) => s + p.Amount, 0));
  const paid = round4(sale.Invoices.reduce((s, i) => s + invoicePaid(i), 0));
  return { prepaid, paid };
}

export function deriveStatuses(sale: Sale): DerivedStatuses {
  const tracking = combinedTrackingNumbers(sale);
  if (sale.Voided) {
    return {
      Status: 'VOIDED',
      CombinedPickingStatus: 'VOIDED',
      CombinedPackingStatus: 'VOIDED',
      CombinedShippingStatus: 'VOIDED',
      FulFilmentStatus: 'VOIDED',
      CombinedInvoiceStatus: 'VOIDED',
      CombinedPaymentStatus: 'VOIDED',
      CreditNoteStatus: 'NOT AVAILABLE',
      CombinedTrackingNumbers: tracking,
    };
  }
  const orderAuth = sale.Order.Status === 'AUTHORISED';
  const fs = activeFulfilments(sale);
  const na = 'NOT AVAILABLE';
  const picking = orderAuth ? combine(fs.map((f) => f.Pick.Status), 'PICKED', 'PARTIALLY PICKED', 'PICKING', 'NOT PICKED') : na;
  const packing = orderAuth ? combine(fs.map((f) => f.Pack.Status), 'PACKED', 'PARTIALLY PACKED', 'PACKING', 'NOT PACKED') : na;
  const shipping = orderAuth ? combine(fs.map((f) => f.Ship.Status), 'SHIPPED', 'PARTIALLY SHIPPED', 'SHIPPING', 'NOT SHIPPED') : na;
  let fulfilment = na;
  if (orderAuth) {
    const done = fs.filter((f) => fulfilmentStatus(f) === 'FULFILLED').length;
    fulfilment = fs.length > 0 && done === fs.length ? 'FULFILLED' : done > 0 ? 'PARTIALLY FULFILLED' : 'NOT FULFILLED';
  }
  // The values the sale examples return (dear.md §4.3: INVOICED / NOT INVOICED ...).
  const invs = sale.Invoices.filter((i) => i.Status !== 'VOIDED');
  const invAuth = invs.filter((i) => i.Status === 'AUTHORISED' || i.Status === 'PAID');
  const invoice = !orderAuth && invs.length === 0 ? na : invs.length === 0 || invAuth.length === 0 ? 'NOT INVOICED' : invAuth.length === invs.length ? 'INVOICED' : 'PARTIALLY INVOICED';
  const { prepaid, paid } = paidAmount(sale);
  const total = orderTotal(sale);
  let payment = 'UNPAID';
  if (prepaid + paid > 0) {
    if (prepaid + paid + 0.00001 >= total) payment = paid > 0 ? 'PAID' : 'PREPAID';
    else payment = 'PARTIALLY PAID';
  }
  return {
    Status: overallStatus(sale, fs, invs),
    CombinedPickingStatus: picking,
    CombinedPackingStatus: packing,
    CombinedShippingStatus: shipping,
    FulFilmentStatus: fulfilment,
    CombinedInvoiceStatus: invoice,
    CombinedPaymentStatus: payment,
    CreditNoteStatus: na,
    CombinedTrackingNumbers: tracking,
  };
}

/** Overall sale `Status` per dear.md §4.1 (stage-by-stage statuses are for simple sales). */
function overallStatus(sale: Sale, fs: Fulfilment[], invs: Invoice[]): string {
  if (sale.Order.Status === 'NOT AVAILABLE') {
    if (sale.Quote.Status === 'DRAFT') return 'ESTIMATING';
    if (sale.Quote.Status === 'AUTHORISED' || sale.SkipQuote) return sale.Quote.Lines.length || sale.SkipQuote ? 'ESTIMATED' : 'DRAFT';
    return 'DRAFT';
  }
  if (sale.Order.Status === 'DRAFT') return 'ORDERING';
  const backordered = sale.Order.Lines.some((l) => (l.BackorderQuantity ?? 0) > 0);
  const allShipped = fs.length > 0 && fs.every((f) => f.Ship.Status === 'AUTHORISED');
  const invStatuses = invs.map(invoiceStatus);
  if (allShipped && invStatuses.length > 0 && invStatuses.every((s) => s === 'PAID')) return 'COMPLETED';
  if (sale.Type === 'Advanced Sale') {
    if (invStatuses.length > 0 && invStatuses.every((s) => s === 'AUTHORISED' || s === 'PAID')) return 'INVOICED';
    return backordered && fs.length === 0 ? 'BACKORDERED' : 'ORDERED';
  }
  const f = fs[0];
  if (!f || f.Pick.Status === 'NOT AVAILABLE') return backordered ? 'BACKORDERED' : 'ORDERED';
  if (f.Pick.Status === 'DRAFT') return 'PICKING';
  if (f.Pack.Status === 'NOT AVAILABLE') return 'PICKED';
  if (f.Pack.Status === 'DRAFT') return 'PACKING';
  if (f.Ship.Status === 'NOT AVAILABLE') return 'PACKED';
  if (f.Ship.Status !== 'AUTHORISED') return 'SHIPPING';
  if (invStatuses.includes('DRAFT')) return 'INVOICING';
  if (invStatuses.some((s) => s === 'AUTHORISED' || s === 'PAID')) return 'INVOICED';
  return 'ORDERED';
}
