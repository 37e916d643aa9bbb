/**
 * The carrier fee as an additional charge (SPEC §5, App. A; dear.md §2.4, §3.5): DEAR has no
 * shipping-cost field, freight is an `AdditionalCharges[]` line whose `Description` is the name of
 * a service product. A stage POST replaces the stage's lines and charges, so we read the stage,
 * append our charge and write the whole set. Our charge carries the tracking number in its
 * `Comment`; finding it there is how a re-run knows not to add a second one.
 */
import { compareMoney, formatMoney, type Minor, moneyToNumber, ZERO_MONEY } from '../../common/money/money';
import { additionalChargeWrite, type DearClient, invoiceWriteBody, orderWriteBody } from '../../upstream/dear/dear.client';
import type {
  DearAdditionalCharge, DearAdditionalChargeWrite, DearFulfilment, DearInvoice, DearSale,
} from '../../upstream/dear/dear.types';
import { UpstreamError } from '../../upstream/upstream.errors';
import { trackingKey } from './ship-lines';
import { DearWriteBackError } from './write-back.errors';

export type FreightMode = 'none' | 'invoice_charge' | 'order_charge';

export interface FreightInput {
  sale: DearSale;
  fulfilment: DearFulfilment;
  trackingNumber: string;
  shippingCost: Minor;
  currency: string;
  freight?: { mode: FreightMode; productName: string } | null;
  serviceName?: string | null;
}

export interface FreightResult {
  freight: 'added' | 'already_present' | 'skipped' | 'not_configured';
  freightNote?: string;
}

/** `Comment` of our charge (String 1024, §2.4); contains the tracking number, see the module comment. */
export function freightComment(trackingNumber: string, serviceName?: string | null): string {
  const service = serviceName?.trim();
  return `ShipStation label ${trackingNumber.trim()}${service ? ` (${service})` : ''}`;
}

export function isOurCharge(c: Pick<DearAdditionalCharge, 'Comment'>, trackingNumber: string): boolean {
  const key = trackingKey(trackingNumber);
  return key !== '' && trackingKey(c.Comment ?? '').includes(key);
}

export function freightChargeWrite(input: Pick<FreightInput, 'trackingNumber' | 'shippingCost' | 'serviceName'>, productName: string): DearAdditionalChargeWrite {
  const price = moneyToNumber(input.shippingCost);
  // No Tax/TaxRule: DEAR applies the sale's default rule; we do not know the merchant's tax setup.
  return { Description: productName, Price: price, Quantity: 1, Discount: 0, Comment: freightComment(input.trackingNumber, input.serviceName), Total: price };
}

export class FreightChargeWriter {
  constructor(private readonly dear: DearClient) {}

  async apply(input: FreightInput): Promise<FreightResult> {
    const mode = input.freight?.mode ?? 'none';
    const productName = input.freight?.productName?.trim() ?? '';
    if (mode === 'none' || !productName) return { freight: 'not_configured' };

    const present = mode === 'invoice_charge'
      ? input.sale.Invoices.some((i) => i.AdditionalCharges.some((c) => isOurCharge(c, input.trackingNumber)))
      : input.sale.Order.AdditionalCharges.some((c) => isOurCharge(c, input.trackingNumber));
    if (present) return { freight: 'already_present' };

    const refusal = this.refusal(input);
    if (refusal) return { freight: 'skipped', freightNote: refusal };

    const charge = freightChargeWrite(input, productName);
    return mode === 'invoice_charge' ? this.onInvoice(input, charge) : this.onOrder(input, charge);
  }

  /** Reasons that hold whatever the stage: nothing to charge, or money in another currency. */
  private refusal(input: FreightInput): string | undefined {
    if (compareMoney(input.shippingCost, ZERO_MONEY) <= 0) return `The carrier fee is ${formatMoney(input.shippingCost)}; no freight charge added.`;
    const saleCurrency = (input.sale.CustomerCurrency || input.sale.BaseCurrency || '').toUpperCase();
    const labelCurrency = input.currency.trim().toUpperCase();
    if (saleCurrency && labelCurrency !== saleCurrency) {
      // Charge prices are in the customer's currency (§2.4); we do not convert money.
      return `The carrier fee is in ${labelCurrency} and the sale in ${saleCurrency}; add the freight charge (${formatMoney(input.shippingCost)} ${labelCurrency}) in DEAR by hand.`;
    }
    return undefined;
  }

  private async onInvoice(input: FreightInput, charge: DearAdditionalChargeWrite): Promise<FreightResult> {
    const invoice = pickInvoice(input.sale.Invoices, input.fulfilment);
    const fee = `${formatMoney(input.shippingCost)} ${input.currency.toUpperCase()}`;
    if (!invoice) return { freight: 'skipped', freightNote: `The sale has no invoice yet; the freight charge (${fee}) was not added.` };
    if (!isDraft(invoice.Status)) {
      // An authorised invoice cannot be changed (§2.5); SPEC App. A: skip and say why.
      return { freight: 'skipped', freightNote: `Invoice ${invoice.InvoiceNumber} is ${invoice.Status}; DEAR only changes draft invoices, so the freight charge (${fee}) was not added.` };
    }
    const body = invoiceWriteBody(input.sale.ID, invoice, { AdditionalCharges: [...invoice.AdditionalCharges.map(additionalChargeWrite), charge] });
    try {
      const answer = await this.dear.postSaleInvoice(body);
      const written = answer.Invoices?.find((i) => i.TaskID.toLowerCase() === invoice.TaskID.toLowerCase());
      if (!written?.AdditionalCharges.some((c) => isOurCharge(c, input.trackingNumber))) {
        throw new DearWriteBackError('dear_write_not_applied', `DEAR answered the invoice write for ${invoice.InvoiceNumber} without the freight charge for ${input.trackingNumber}.`);
      }
    } catch (error) {
      // A repeat of a write whose answer was lost: look before failing (same as the ship stage).
      if (!(error instanceof UpstreamError) || !(await this.invoiceHasCharge(input))) throw error;
    }
    return { freight: 'added' };
  }

  private async onOrder(input: FreightInput, charge: DearAdditionalChargeWrite): Promise<FreightResult> {
    const order = input.sale.Order;
    if (!isDraft(order.Status)) {
      // POST /sale/order is refused unless the order is DRAFT / NOT AVAILABLE (§2.4); a sale with
      // a label has an authorised order, so this is the usual answer for order_charge.
      return { freight: 'skipped', freightNote: `Order ${order.SaleOrderNumber || input.sale.ID} is ${order.Status}; DEAR only changes draft orders, so the freight charge (${formatMoney(input.shippingCost)} ${input.currency.toUpperCase()}) was not added. Use freight mode invoice_charge to charge it on the draft invoice.` };
    }
    try {
      await this.dear.postSaleOrder(orderWriteBody(input.sale.ID, order, [...order.AdditionalCharges.map(additionalChargeWrite), charge]));
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const again = await this.dear.saleOrder(input.sale.ID).catch(() => undefined);
      if (!again?.AdditionalCharges.some((c) => isOurCharge(c, input.trackingNumber))) throw error;
    }
    return { freight: 'added' };
  }

  private async invoiceHasCharge(input: FreightInput): Promise<boolean> {
    const again = await this.dear.saleInvoice(input.sale.ID).catch(() => undefined);
    return again?.Invoices.some((i) => i.AdditionalCharges.some((c) => isOurCharge(c, input.trackingNumber))) ?? false;
  }
}

/**
 * The invoice of this fulfilment: the one linked to its number (`LinkedFulfillmentNumber`, §2.5),
 * else the sale's only invoice (simple sale), else its first draft one. Voided invoices never.
 */
export function pickInvoice(invoices: readonly DearInvoice[], f: DearFulfilment): DearInvoice | undefined {
  const live = invoices.filter((i) => (i.Status ?? '').toUpperCase() !== 'VOIDED');
  return live.find((i) => String(i.LinkedFulfillmentNumber ?? '') === String(f.FulfillmentNumber))
    ?? (live.length === 1 ? live[0] : live.find((i) => isDraft(i.Status)));
}

function isDraft(status: string | null | undefined): boolean {
  const s = (status ?? '').toUpperCase();
  return s === 'DRAFT' || s === 'NOT AVAILABLE';
}

