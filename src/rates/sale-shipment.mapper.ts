import { toCountryCode } from '../common/address/countries';
import { toStateCode } from '../common/address/us-states';
import { DomainError } from '../common/errors/domain-error';
import { fromDearWeight, totalWeight, UnitsError, Weight, WeightUnit } from '../common/units/units';
import type { Address } from '../connections/connection-settings';
import type { DearFulfilment, DearProductInfo, DearSale } from '../upstream/dear/dear.types';
import type { Parcel, ResolvedShipment } from './shipment';

export class SaleShipmentError extends DomainError {}

const unprocessable = (code: string, detail: string, field?: string) =>
  new SaleShipmentError(code, 422, 'The sale cannot be shipped as it is', detail, field ? { errors: [{ field, message: detail }] } : {});

/**
 * Builds the shipment of a DEAR sale (SPEC §4): ship-to from its shipping address; one parcel
 * per packed box (Σ ProductWeight × Quantity of the box's pack lines), or before packing one
 * parcel of the whole order. Pure: the caller fetched the sale with CountryFormat=Code2.
 */
export function saleToShipment(sale: DearSale, shipFrom: Address, fulfilmentTaskId?: string): ResolvedShipment {
  const shipTo = saleShipTo(sale);
  const fulfilment = chooseFulfilment(sale, fulfilmentTaskId);
  const packed = fulfilment?.Pack.Lines.filter((l) => l.Box && l.Quantity > 0) ?? [];
  const parcels: Parcel[] = packed.length > 0 ? packedParcels(packed) : [{ weight: linesWeight(sale.Order?.Lines ?? []) }];
  for (const parcel of parcels) {
    if (!(parcel.weight.value > 0)) {
      throw unprocessable('sale_weight_unknown', `The products${parcel.box ? ` in ${parcel.box}` : ''} of sale ${sale.ID} carry no weight in DEAR; set product weights or send an explicit shipment.`);
    }
  }
  return {
    shipFrom,
    shipTo,
    parcels,
    residential: shipTo.residential,
    sale: { saleId: sale.ID, fulfilmentTaskId: fulfilment?.TaskID ?? sale.ID, orderNumber: sale.Order?.SaleOrderNumber ?? null },
  };
}

/** DEAR's shipping address as our address; 422 when it cannot carry a parcel. */
export function saleShipTo(sale: DearSale): Address {
  const a = sale.ShippingAddress;
  if (!a || !a.Line1?.trim() || !a.City?.trim() || !a.Country?.trim()) {
    throw new SaleShipmentError(
      'sale_missing_shipping_address',
      422,
      'Sale has no shipping address',
      `Sale ${sale.ID} has no shipping address (line 1, city and country are needed); add one in DEAR or send an explicit shipment.`,
    );
  }
  // Asked for as ISO codes (CountryFormat=Code2); a name is mapped as a fallback (SPEC App. A).
  const country = toCountryCode(a.Country);
  if (!country) throw unprocessable('sale_address_invalid', `The country "${a.Country}" of sale ${sale.ID} is not a country we know.`, 'shippingAddress.country');
  const state = a.State?.trim() ? (toStateCode(country, a.State) ?? a.State.trim()) : '';
  return {
    name: (a.Contact?.trim() || sale.Contact?.trim() || sale.Customer).slice(0, 100),
    ...(a.Company?.trim() ? { company: a.Company.trim() } : {}),
    street1: a.Line1.trim(),
    ...(a.Line2?.trim() ? { street2: a.Line2.trim() } : {}),
    city: a.City.trim(),
    state,
    postalCode: a.Postcode?.trim() ?? '',
    country,
    ...(sale.Phone?.trim() ? { phone: sale.Phone.trim() } : {}),
    ...(sale.Email?.trim() ? { email: sale.Email.trim() } : {}),
    // A company name is the usual sign of a business address.
    residential: !a.Company?.trim(),
  };
}

/**
 * The fulfilment to rate: the one named, the only one, or the only one not yet shipped.
 * Ambiguity is refused rather than guessed: rating the wrong boxes costs real money later.
 */
export function chooseFulfilment(sale: DearSale, taskId?: string): DearFulfilment | undefined {
  const all = sale.Fulfilments ?? [];
  if (taskId) {
    const named = all.find((f) => f.TaskID === taskId);
    if (!named) throw unprocessable('fulfilment_not_found', `Sale ${sale.ID} has no fulfilment ${taskId}.`, 'fulfilmentTaskId');
    return named;
  }
  if (all.length <= 1) return all[0];
  const open = all.filter((f) => f.Ship?.Status !== 'AUTHORISED' && f.Ship?.Status !== 'VOIDED');
  if (open.length === 1) return open[0];
  throw unprocessable(
    'fulfilment_task_required',
    `Sale ${sale.ID} has ${all.length} fulfilments; name one with fulfilmentTaskId (${all.map((f) => f.TaskID).join(', ')}).`,
    'fulfilmentTaskId',
  );
}

function dearLineWeight(line: DearProductInfo & { SKU?: string }): Weight {
  try {
    return fromDearWeight(line.ProductWeight!, line.WeightUnits);
  } catch (error) {
    if (!(error instanceof UnitsError)) throw error;
    throw unprocessable('sale_weight_unit_unknown', `Product ${line.SKU ?? ''} has a weight unit DEAR calls "${line.WeightUnits ?? ''}", which is not a unit we know.`);
  }
}

function packedParcels(lines: Array<DearProductInfo & { Box: string; Quantity: number }>): Parcel[] {
  const boxes = new Map<string, typeof lines>();
  for (const line of lines) boxes.set(line.Box, [...(boxes.get(line.Box) ?? []), line]);
  return [...boxes.entries()].map(([box, boxLines]) => ({ box, weight: linesWeight(boxLines) }));
}

/** Σ weight × quantity in one unit: grams if any line is metric, else ounces. */
export function linesWeight(lines: Array<DearProductInfo & { Quantity: number }>): Weight {
  const weighed = lines
    .filter((l) => (l.ProductWeight ?? 0) > 0 && l.Quantity > 0)
    .map((l) => ({ weight: dearLineWeight(l), quantity: l.Quantity }));
  const unit: WeightUnit = weighed.length > 0 && weighed.every((w) => w.weight.unit === 'oz' || w.weight.unit === 'lb') ? 'oz' : 'g';
  return totalWeight(weighed, unit);
}
