import { addMoney, Minor, parseMoney } from '../common/money/money';
import { DomainError } from '../common/errors/domain-error';
import type { CarrierInfo } from '../carriers/carrier-catalog';
import type { SsRate } from '../upstream/shipstation/shipstation.types';
import type { StoredRateError } from './entities/quote.entity';

/** One carrier's summed price for a service across every parcel, in minor units. */
export interface CarrierQuote {
  carrierCode: string;
  carrierName: string;
  serviceCode: string;
  serviceName: string;
  shipmentCost: Minor;
  otherCost: Minor;
}

/**
 * Sums one carrier's per-parcel answers (SPEC §4 / issue: multi-parcel shipments): a service
 * is offered only if every parcel can use it; its price is the sum over the parcels.
 */
export function combineParcelRates(carrier: CarrierInfo, perParcel: SsRate[][], serviceCodes?: readonly string[]): CarrierQuote[] {
  if (perParcel.length === 0) return [];
  const wanted = serviceCodes && serviceCodes.length > 0 ? new Set(serviceCodes) : undefined;
  const common = perParcel
    .map((rates) => new Set(rates.map((r) => r.serviceCode)))
    .reduce((acc, codes) => new Set([...acc].filter((c) => codes.has(c))));
  const quotes: CarrierQuote[] = [];
  for (const serviceCode of common) {
    if (wanted && !wanted.has(serviceCode)) continue;
    const lines = perParcel.map((rates) => rates.find((r) => r.serviceCode === serviceCode)!);
    quotes.push({
      carrierCode: carrier.code,
      carrierName: carrier.name,
      serviceCode,
      serviceName: lines[0].serviceName,
      shipmentCost: lines.reduce((sum, r) => addMoney(sum, parseMoney(r.shipmentCost)), 0 as Minor),
      otherCost: lines.reduce((sum, r) => addMoney(sum, parseMoney(r.otherCost ?? 0)), 0 as Minor),
    });
  }
  return quotes;
}

/** A carrier that could not quote becomes data, not a failure (STYLE habit 6). */
export function carrierError(carrierCode: string, error: unknown): StoredRateError {
  if (error instanceof DomainError) {
    const message = (error.extra.upstream?.message ?? error.message).slice(0, 1000);
    return { carrierCode, code: error.code, message };
  }
  throw error;
}

/** Cheapest first; ties broken by carrier then service so answers are stable. */
export function byTotalCost<T extends { shipmentCost: Minor; otherCost: Minor; carrierCode: string; serviceCode: string }>(a: T, b: T): number {
  return a.shipmentCost + a.otherCost - (b.shipmentCost + b.otherCost) || a.carrierCode.localeCompare(b.carrierCode) || a.serviceCode.localeCompare(b.serviceCode);
}
