import type { Address } from '../connections/connection-settings';
import { Dimensions, toShipStationDimensions, toShipStationWeight, Weight, convertWeight } from '../common/units/units';
import type { SsAddress, SsRateRequest } from '../upstream/shipstation/shipstation.types';
import type { Confirmation } from './dto/rates-request.dto';

/** One parcel to quote or ship; `box` names the DEAR box it came from. */
export interface Parcel {
  weight: Weight;
  dimensions?: Dimensions;
  box?: string;
}

/** A shipment with every default applied: what was quoted, and what a label will buy. */
export interface ResolvedShipment {
  shipFrom: Address;
  shipTo: Address;
  parcels: Parcel[];
  residential?: boolean;
  confirmation?: Confirmation;
  /** Set when the shipment came from a DEAR sale. */
  sale?: { saleId: string; fulfilmentTaskId: string; orderNumber: string | null };
}

/**
 * Heaviest parcel a quote is asked for: 150 lb, the parcel carriers' ceiling; heavier goes by
 * freight, which ShipStation v1 does not quote.
 */
export const MAX_PARCEL_GRAMS = 68_038.86;

export function parcelTooHeavy(weight: Weight): boolean {
  return convertWeight(weight, 'g').value > MAX_PARCEL_GRAMS;
}

/** The getrates body for one carrier and one parcel (reference/shipstation.md §4). */
export function toRateRequest(shipment: ResolvedShipment, parcel: Parcel, carrierCode: string, opts: { serviceCode?: string; packageCode?: string } = {}): SsRateRequest {
  const { shipFrom, shipTo } = shipment;
  return {
    carrierCode,
    serviceCode: opts.serviceCode ?? null,
    packageCode: opts.packageCode ?? null,
    fromPostalCode: shipFrom.postalCode,
    fromCity: shipFrom.city,
    fromState: shipFrom.state,
    toState: shipTo.state || undefined,
    toCountry: shipTo.country,
    toPostalCode: shipTo.postalCode,
    toCity: shipTo.city,
    weight: toShipStationWeight(parcel.weight),
    ...(parcel.dimensions ? { dimensions: toShipStationDimensions(parcel.dimensions) } : {}),
    ...(shipment.confirmation ? { confirmation: shipment.confirmation } : {}),
    residential: shipment.residential ?? shipTo.residential ?? false,
  };
}

export function toShipStationAddress(a: Address): SsAddress {
  return {
    name: a.name,
    company: a.company ?? null,
    street1: a.street1,
    street2: a.street2 ?? null,
    street3: a.street3 ?? null,
    city: a.city,
    state: a.state,
    postalCode: a.postalCode,
    country: a.country,
    phone: a.phone ?? null,
    residential: a.residential ?? null,
  };
}
