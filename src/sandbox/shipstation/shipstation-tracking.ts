/**
 * Realistic, deterministic tracking numbers with valid check digits, so clients that
 * validate formats (and tracking-URL templates) behave as in production.
 */

/** USPS IMpb: 22 digits, `9400` + 17 digits + mod-10 check digit (weights 3/1 from the right). */
function usps(seq: number): string {
  const body = `940011189956${String(seq).padStart(9, '0').slice(-9)}`; // 21 digits
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const UPS_SERVICE: Record<string, string> = {
  ups_ground: '03',
  ups_3_day_select: '12',
  ups_2nd_day_air: '02',
  ups_next_day_air: '01',
  ups_worldwide_expedited: '08',
  ups_worldwide_saver: '65',
};

/** UPS: `1Z` + 6-char shipper number + 2-digit service + 7-digit reference + check digit (18 chars). */
function ups(seq: number, serviceCode: string, shipper: string): string {
  const body = `${shipper.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(6, '0').slice(0, 6)}${UPS_SERVICE[serviceCode] ?? '03'}${String(seq).padStart(7, '0').slice(-7)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    const v = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10;
    sum += i % 2 === 1 ? v * 2 : v;
  }
  return `1Z${body}${(10 - (sum % 10)) % 10}`;
}

/** FedEx Express/Ground: 12 digits, last one a mod-11 check digit (weights 1,3,7 repeating). */
function fedex(seq: number): string {
  const body = `78239${String(seq).padStart(6, '0').slice(-6)}`; // 11 digits
  const weights = [1, 3, 7];
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * weights[i % 3];
  return body + String((sum % 11) % 10);
}

export function trackingNumber(carrierCode: string, serviceCode: string, seq: number, accountNumber: string | number): string {
  switch (carrierCode) {
    case 'ups':
      return ups(seq, serviceCode, String(accountNumber));
    case 'fedex':
      return fedex(seq);
    default:
      return usps(seq);
  }
}
