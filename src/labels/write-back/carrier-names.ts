/**
 * ShipStation carrier code → the carrier name written on DEAR ship lines (`Carrier`, dear.md §3.4,
 * §3.5). DEAR carrier names are free strings held in `/ref/carrier` (`Description`, §7.1); field
 * reports say reference values are matched by name (§9 #10), so we aim for the names a DEAR
 * account usually has ("UPS", "FedEx", "USPS"…) rather than ShipStation's display names
 * ("Stamps.com", "FedEx®").
 *
 * Precedence (SPEC App. A "Carrier names", extended by the built-in table):
 * 1. `shippingService.carrierNames[code]` of the connection (the operator's word wins);
 * 2. the built-in table below (ShipStation code → the carrier's usual DEAR name);
 * 3. the ShipStation carrier's display name (SPEC App. A default);
 * 4. the code itself, so a line never goes out without a carrier.
 */

/** ShipStation carrier codes (shipstation.md §3) → usual DEAR carrier names. */
export const DEFAULT_DEAR_CARRIER_NAMES: Readonly<Record<string, string>> = Object.freeze({
  // USPS through any of ShipStation's postage providers is still USPS to the buyer.
  stamps_com: 'USPS',
  endicia: 'USPS',
  usps: 'USPS',
  express_1: 'USPS',
  ups: 'UPS',
  ups_walleted: 'UPS',
  fedex: 'FedEx',
  fedex_walleted: 'FedEx',
  dhl_express: 'DHL Express',
  dhl_express_worldwide: 'DHL Express',
  dhl_express_walleted: 'DHL Express',
  dhl_global_mail: 'DHL eCommerce',
  dhl_ecommerce: 'DHL eCommerce',
  canada_post: 'Canada Post',
  purolator_ca: 'Purolator',
  royal_mail: 'Royal Mail',
  australia_post: 'Australia Post',
  ontrac: 'OnTrac',
  lasership: 'LaserShip',
  sendle: 'Sendle',
  asendia: 'Asendia',
});

export interface CarrierNameInput {
  /** ShipStation `carrierCode`, e.g. `stamps_com`. */
  carrierCode: string;
  /** ShipStation's display name of the carrier (`GET /carriers` `name`), when known. */
  displayName?: string | null;
  /** `shippingService.carrierNames` of the connection. */
  overrides?: Readonly<Record<string, string>> | null;
}

/** The DEAR carrier name for a ShipStation carrier; never empty for a non-empty code. */
export function dearCarrierName(input: CarrierNameInput): string {
  const code = input.carrierCode.trim();
  const key = code.toLowerCase();
  const override = lookup(input.overrides, code, key);
  if (override) return override;
  const builtIn = DEFAULT_DEAR_CARRIER_NAMES[key];
  if (builtIn) return builtIn;
  const display = input.displayName?.trim();
  return display || code;
}

/**
 * DEAR's own spelling of a carrier name when the account's `/ref/carrier` list has it under
 * another case ("Fedex" vs "FedEx"), else the name unchanged. For callers that hold the list
 * (`DearClient.carriers()`); name matching in DEAR is by value (§9 #10).
 */
export function alignWithDearCarriers(name: string, dearCarrierDescriptions: readonly string[]): string {
  const wanted = name.trim().toLowerCase();
  return dearCarrierDescriptions.find((d) => d.trim().toLowerCase() === wanted) ?? name;
}

/** Exact key first, then the lower-cased code (codes are lower-case in ShipStation). Blank values do not count. */
function lookup(map: Readonly<Record<string, string>> | null | undefined, code: string, key: string): string | undefined {
  if (!map) return undefined;
  const own = (k: string) => (Object.prototype.hasOwnProperty.call(map, k) ? map[k]?.trim() : undefined);
  return own(code) || own(key) || undefined;
}
