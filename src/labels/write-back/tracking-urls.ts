/**
 * Tracking URLs written on DEAR ship lines (`TrackingURL`, dear.md §3.4; SPEC App. A "Tracking URLs
 * come from built-in per-carrier templates (overridable)"). Keyed by ShipStation carrier code.
 * `{trackingNumber}` is replaced by the URL-encoded tracking number, everywhere it appears.
 */

export const TRACKING_NUMBER_PLACEHOLDER = '{trackingNumber}';

const USPS = 'https://tools.usps.com/go/TrackConfirmAction?tLabels={trackingNumber}';
const UPS = 'https://www.ups.com/track?tracknum={trackingNumber}';
const FEDEX = 'https://www.fedex.com/fedextrack/?trknbr={trackingNumber}';
const DHL_EXPRESS = 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={trackingNumber}';

/** The carriers' public tracking pages. */
export const DEFAULT_TRACKING_URL_TEMPLATES: Readonly<Record<string, string>> = Object.freeze({
  stamps_com: USPS,
  endicia: USPS,
  usps: USPS,
  express_1: USPS,
  ups: UPS,
  ups_walleted: UPS,
  fedex: FEDEX,
  fedex_walleted: FEDEX,
  dhl_express: DHL_EXPRESS,
  dhl_express_worldwide: DHL_EXPRESS,
  dhl_express_walleted: DHL_EXPRESS,
  dhl_global_mail: 'https://webtrack.dhlecs.com/?trackingnumber={trackingNumber}',
  canada_post: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={trackingNumber}',
  purolator_ca: 'https://www.purolator.com/en/shipping/tracker?pin={trackingNumber}',
  royal_mail: 'https://www.royalmail.com/track-your-item#/tracking-results/{trackingNumber}',
  australia_post: 'https://auspost.com.au/mypost/track/details/{trackingNumber}',
  ontrac: 'https://www.ontrac.com/tracking/?number={trackingNumber}',
  lasership: 'https://www.lasership.com/track/{trackingNumber}',
  sendle: 'https://track.sendle.com/tracking?ref={trackingNumber}',
});

export interface TrackingUrlInput {
  carrierCode: string;
  trackingNumber: string;
  /** `shippingService.trackingUrlTemplates` of the connection (carrier code → template). */
  overrides?: Readonly<Record<string, string>> | null;
}

/**
 * The tracking URL, or `''` when the carrier has no template (unknown carrier) or there is no
 * tracking number. An override set to `''` switches a built-in template off.
 */
export function trackingUrl(input: TrackingUrlInput): string {
  const number = input.trackingNumber.trim();
  if (!number) return '';
  const template = templateFor(input.carrierCode, input.overrides);
  if (!template) return '';
  return template.split(TRACKING_NUMBER_PLACEHOLDER).join(encodeURIComponent(number));
}

function templateFor(carrierCode: string, overrides: Readonly<Record<string, string>> | null | undefined): string | undefined {
  const code = carrierCode.trim();
  const key = code.toLowerCase();
  for (const k of [code, key]) {
    if (overrides && Object.prototype.hasOwnProperty.call(overrides, k)) return overrides[k]?.trim() ?? '';
  }
  return DEFAULT_TRACKING_URL_TEMPLATES[key];
}
