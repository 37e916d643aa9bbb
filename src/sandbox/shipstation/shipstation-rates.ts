import { ModelState, SimHttpError, serverError } from './shipstation-errors';
import {
  isObj, readBool, readDimensions, readEnum, readString, readWeight, toOunces, type Obj,
} from './shipstation-input';
import { MAX_WEIGHT_OZ } from './shipstation-seed';
import type { CarrierOption, Dimensions, ShipStationState, Weight } from './shipstation-types';

/**
 * `POST /shipments/getrates` (fact sheet §4) and the price function shared with label
 * purchase. Prices are deterministic functions of carrier, service, package, billable
 * weight, residential flag, confirmation and lane, so tests can predict them.
 */

export const CONFIRMATIONS = ['none', 'delivery', 'signature', 'adult_signature', 'direct_signature'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

/** Reported for unconnected carriers and unserviceable lanes (§4 failure behaviour, §11.7). */
export const NO_SERVICES = 'No applicable services were available for the configured shipment';

export interface RateInput {
  carrierCode: string;
  serviceCode: string | null;
  packageCode: string | null;
  toCountry: string;
  weight: Weight;
  dimensions: Dimensions | null;
  confirmation: Confirmation | null;
  residential: boolean;
}

export interface Rate {
  serviceName: string;
  serviceCode: string;
  shipmentCost: number;
  otherCost: number;
}

const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/** Divisors for dimensional weight (cubic inches per pound). USPS only applies it above 1 cu ft. */
const DIM_DIVISOR: Record<string, number> = { stamps_com: 166, ups: 139, fedex: 139 };

function billableOunces(carrierCode: string, weight: Weight, dims: Dimensions | null): number {
  const actual = toOunces(weight);
  if (!dims) return actual;
  const f = dims.units === 'centimeters' ? 1 / 2.54 : 1;
  const volume = dims.length * f * dims.width * f * dims.height * f;
  if (carrierCode === 'stamps_com' && volume <= 1728) return actual;
  const dimOz = (volume / (DIM_DIVISOR[carrierCode] ?? 139)) * 16;
  return Math.max(actual, dimOz);
}

const CONFIRMATION_FEE: Record<Confirmation, number> = {
  none: 0,
  delivery: 0,
  signature: 3.05,
  adult_signature: 6.4,
  direct_signature: 4.75,
};

/** Prices one service; undefined when the service cannot carry this shipment. */
export function priceService(state: ShipStationState, service: CarrierOption, input: RateInput): Rate | undefined {
  const domestic = input.toCountry === 'US';
  if (domestic ? !service.domestic : !service.international) return undefined;
  const pricing = state.pricing.get(service.code);
  if (!pricing) return undefined;
  const oz = billableOunces(input.carrierCode, input.weight, input.dimensions);
  if (oz <= 0 || oz > (MAX_WEIGHT_OZ[input.carrierCode] ?? Infinity)) return undefined;
  // First-Class is priced by the ounce and limited to under a pound.
  if (service.code === 'usps_first_class_mail' && oz >= 16) return undefined;
  if (input.confirmation === 'direct_signature' && input.carrierCode !== 'fedex') return undefined;
  let cost: number;
  if (input.packageCode?.includes('flat_rate')) {
    cost = pricing.base + 2; // flat rate: weight does not matter
  } else if (service.code === 'usps_first_class_mail') {
    cost = pricing.base + Math.ceil(oz) * 0.22;
  } else {
    const lbs = Math.max(1, Math.ceil(oz / 16 - 1e-9));
    cost = pricing.base + pricing.perLb * (lbs - 1);
  }
  if (input.residential && input.carrierCode !== 'stamps_com' && service.code !== 'fedex_home_delivery') cost += 4.45;
  const shipmentCost = round2(cost);
  const otherCost = round2(shipmentCost * pricing.surcharge + CONFIRMATION_FEE[input.confirmation ?? 'none']);
  return { serviceName: service.name, serviceCode: service.code, shipmentCost, otherCost };
}

/** Validates the getrates body (§4 table): 400 ModelState for missing required fields. */
export function readRateRequest(body: unknown): RateInput & { toState: string | null } {
  const ms = new ModelState();
  if (!isObj(body)) {
    ms.add('', 'The request body is required.');
    ms.throwIfInvalid();
  }
  const o = body as Obj;
  const carrierCode = readString(ms, o, 'carrierCode', '', true);
  const serviceCode = readString(ms, o, 'serviceCode');
  const packageCode = readString(ms, o, 'packageCode');
  readString(ms, o, 'fromPostalCode', '', true);
  const toCountry = readString(ms, o, 'toCountry', '', true);
  readString(ms, o, 'toPostalCode', '', true);
  const toState = readString(ms, o, 'toState');
  const weight = readWeight(ms, o, 'weight', '', true);
  const dimensions = readDimensions(ms, o, 'dimensions');
  const confirmation = readEnum(ms, o, 'confirmation', CONFIRMATIONS);
  const residential = readBool(ms, o, 'residential') ?? false;
  if (Array.isArray(o.carrierCode)) ms.add('carrierCode', 'Only one carrierCode may be given per request.');
  ms.throwIfInvalid();
  return {
    carrierCode: carrierCode!, serviceCode, packageCode, toCountry: toCountry!.toUpperCase(), toState,
    weight: weight!, dimensions, confirmation, residential,
  };
}

/**
 * One carrier per call; answers every service of that carrier that can carry the
 * shipment (only international ones for a non-US destination). An unconnected carrier
 * or nothing applicable is a 500 with the reported text, not an empty array (§4, §11.7).
 */
export function getRates(state: ShipStationState, body: unknown): Rate[] {
  const input = readRateRequest(body);
  if (!state.carriers.some((c) => c.code === input.carrierCode)) throw new SimHttpError(serverError(NO_SERVICES));
  // UPS needs the destination state (§4 table: "required for UPS"); a carrier-side failure, hence 500.
  if (input.carrierCode === 'ups' && input.toCountry === 'US' && !input.toState) {
    throw new SimHttpError(serverError('toState is required for UPS shipments.'));
  }
  if (input.packageCode && !state.packages.some((p) => p.carrierCode === input.carrierCode && p.code === input.packageCode)) {
    throw new SimHttpError(serverError('Invalid packageCode'));
  }
  const rates = state.services
    .filter((s) => s.carrierCode === input.carrierCode && (!input.serviceCode || s.code === input.serviceCode))
    .map((s) => priceService(state, s, input))
    .filter((r): r is Rate => r !== undefined);
  if (rates.length === 0) throw new SimHttpError(serverError(NO_SERVICES));
  return rates;
}
