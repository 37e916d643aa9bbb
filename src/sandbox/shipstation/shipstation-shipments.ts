import { makePdfBase64 } from '../common/pdf';
import { pacificDate } from './pacific-time';
import { CONFIRMATIONS, NO_SERVICES, priceService } from './shipstation-rates';
import { ModelState, SimHttpError, nullReference, serverError } from './shipstation-errors';
import {
  addressVerdict, isObj, readAddress, readBool, readDateOnly, readDimensions, readEnum, readInt, readObject, readString, readWeight, type Obj,
} from './shipstation-input';
import { paginate, readPacificFilter, readPaging } from './shipstation-paging';
import { orderWeight, renderItem, renderShipment } from './shipstation-render';
import { VOID_WINDOW_DAYS } from './shipstation-seed';
import { trackingNumber } from './shipstation-tracking';
import type { Address, Dimensions, Order, Shipment, ShipStationState, Weight } from './shipstation-types';

/**
 * Labels and shipments (fact sheet §5, §7.1).
 *
 * Finding a label whose createlabel response was lost (timeout, dropped connection):
 * ShipStation V1 has no idempotency key (§13 notes the same for V2). What a client can do:
 * 1. put its own unique reference in `advancedOptions.customField1` (createlabel accepts
 *    advancedOptions, §5.1) — the simulator stores it and returns it on the shipment;
 * 2. note the Pacific time just before the attempt;
 * 3. list `GET /shipments?carrierCode=&serviceCode=&recipientName=<shipTo.name>&createDateStart=<that time>`
 *    (recipientName / carrier / service / createDate filters are documented, §7.1) and
 *    pick the shipment whose `advancedOptions.customField1` equals the reference; the
 *    shipTo, weight and shipDate can confirm the match. For createlabelfororder the
 *    `orderId` filter finds it directly (and the order turns `shipped`).
 * Only if nothing matches is it safe to buy again.
 */

export type Notify = (event: 'SHIP_NOTIFY', resourcePath: string, storeId: number) => void;

interface LabelRequest {
  carrierCode: string;
  serviceCode: string;
  packageCode: string;
  confirmation: string | null;
  shipDate: string;
  weight: Weight;
  dimensions: Dimensions | null;
  shipTo: Address;
  shipFrom: Address | null;
  insuranceOptions: Obj | null;
  internationalOptions: Obj | null;
  advancedOptions: Obj | null;
  testLabel: boolean;
}

function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

/** Prices and records a label; throws the 500s the real API gives for carrier/business failures. */
function buyLabel(state: ShipStationState, req: LabelRequest, now: Date, order: Order | null, notify: Notify): Record<string, unknown> {
  const carrier = state.carriers.find((c) => c.code === req.carrierCode);
  if (!carrier) throw new SimHttpError(serverError(`Invalid carrierCode: ${req.carrierCode}`));
  const service = state.services.find((s) => s.carrierCode === req.carrierCode && s.code === req.serviceCode);
  // §5.2: an invalid serviceCode (e.g. a carrier code passed as service) surfaced as this NRE.
  if (!service) throw new SimHttpError(nullReference());
  if (!state.packages.some((p) => p.carrierCode === req.carrierCode && p.code === req.packageCode)) {
    throw new SimHttpError(serverError('Invalid packageCode'));
  }
  const toCountry = (req.shipTo.country ?? 'US').toUpperCase();
  const rate = priceService(state, service, {
    carrierCode: req.carrierCode, serviceCode: req.serviceCode, packageCode: req.packageCode, toCountry,
    weight: req.weight, dimensions: req.dimensions,
    confirmation: (CONFIRMATIONS as readonly string[]).includes(req.confirmation ?? '') ? (req.confirmation as (typeof CONFIRMATIONS)[number]) : null,
    residential: req.shipTo.residential === true,
  });
  if (!rate) throw new SimHttpError(serverError(NO_SERVICES));
  const insured = req.insuranceOptions?.insureShipment === true && typeof req.insuranceOptions.insuredValue === 'number';
  const insuranceCost = insured ? round2(Math.max(1, (req.insuranceOptions!.insuredValue as number) * 0.0085)) : 0;
  const shipmentCost = round2(rate.shipmentCost + rate.otherCost);
  if (carrier.requiresFundedAccount && !req.testLabel) {
    if (carrier.balance < shipmentCost) throw new SimHttpError(serverError('Insufficient funds in the carrier account to purchase this label.'));
    carrier.balance = round2(carrier.balance - shipmentCost);
  }
  const shipmentId = ++state.ids.shipment;
  const tracking = trackingNumber(req.carrierCode, req.serviceCode, shipmentId, carrier.accountNumber);
  const adv = req.advancedOptions ?? {};
  const storeId = order ? (order.advancedOptions.storeId as number) : typeof adv.storeId === 'number' ? adv.storeId : state.stores[0].storeId;
  const labelData = makePdfBase64([
    `${carrier.name} - ${service.name}`,
    `TRACKING #: ${tracking}`,
    `SHIP TO: ${req.shipTo.name ?? ''}`,
    `${req.shipTo.street1 ?? ''}, ${req.shipTo.city ?? ''} ${req.shipTo.state ?? ''} ${req.shipTo.postalCode ?? ''} ${toCountry}`,
    `SHIP DATE: ${req.shipDate}  WEIGHT: ${req.weight.value} ${req.weight.units}`,
    req.testLabel ? 'TEST LABEL - DO NOT SHIP' : `SHIPMENT ${shipmentId}`,
  ]);
  const formData = toCountry !== 'US' ? makePdfBase64(['CN22 CUSTOMS DECLARATION', `TRACKING #: ${tracking}`]) : null;
  const shipment: Shipment = {
    shipmentId,
    orderId: order?.orderId ?? null,
    orderKey: order?.orderKey ?? null,
    orderNumber: order?.orderNumber ?? null,
    userId: state.userId,
    customerEmail: order?.customerEmail ?? null,
    createDate: now,
    shipDate: req.shipDate,
    shipmentCost,
    insuranceCost,
    trackingNumber: tracking,
    isReturnLabel: false,
    batchNumber: String(++state.ids.batch),
    carrierCode: req.carrierCode,
    serviceCode: req.serviceCode,
    packageCode: req.packageCode,
    confirmation: req.confirmation ?? 'none',
    warehouseId: typeof adv.warehouseId === 'number' ? adv.warehouseId : state.warehouseId,
    voided: false,
    voidDate: null,
    marketplaceNotified: false,
    notifyErrorMessage: null,
    shipTo: req.shipTo,
    shipFrom: req.shipFrom,
    weight: req.weight,
    dimensions: req.dimensions,
    insuranceOptions: { provider: req.insuranceOptions?.provider ?? null, insureShipment: insured, insuredValue: insured ? req.insuranceOptions!.insuredValue : 0 },
    advancedOptions: {
      ...(order?.advancedOptions ?? {}),
      storeId,
      customField1: typeof adv.customField1 === 'string' ? adv.customField1 : (order?.advancedOptions.customField1 ?? null),
      customField2: typeof adv.customField2 === 'string' ? adv.customField2 : (order?.advancedOptions.customField2 ?? null),
      customField3: typeof adv.customField3 === 'string' ? adv.customField3 : (order?.advancedOptions.customField3 ?? null),
    },
    shipmentItems: order ? order.items.map(renderItem) : null,
    testLabel: req.testLabel,
    storeId,
    labelData,
  };
  state.shipments.push(shipment);
  if (order) {
    // §5.2: the order becomes shipped with the label's choices.
    Object.assign(order, {
      orderStatus: 'shipped', shipDate: req.shipDate, carrierCode: req.carrierCode, serviceCode: req.serviceCode,
      packageCode: req.packageCode, confirmation: shipment.confirmation, modifyDate: now,
    });
  }
  notify('SHIP_NOTIFY', `/shipments?batchId=${shipment.batchNumber}&includeShipmentItems=False`, storeId);
  return renderShipment(shipment, { includeItems: order !== null, labelData, formData });
}

function readLabelCore(ms: ModelState, o: Obj, opts: { forOrder: boolean }): Omit<LabelRequest, 'shipTo' | 'shipFrom' | 'weight'> & { weight: Weight | null } {
  return {
    carrierCode: readString(ms, o, 'carrierCode', '', true) ?? '',
    serviceCode: readString(ms, o, 'serviceCode', '', true) ?? '',
    packageCode: readString(ms, o, 'packageCode', '', !opts.forOrder) ?? 'package',
    confirmation: readEnum(ms, o, 'confirmation', CONFIRMATIONS),
    shipDate: readDateOnly(ms, o, 'shipDate', '', true) ?? '',
    weight: readWeight(ms, o, 'weight', '', !opts.forOrder),
    dimensions: readDimensions(ms, o, 'dimensions'),
    insuranceOptions: readObject(ms, o, 'insuranceOptions'),
    internationalOptions: readObject(ms, o, 'internationalOptions'),
    advancedOptions: readObject(ms, o, 'advancedOptions'),
    testLabel: readBool(ms, o, 'testLabel') ?? false,
  };
}

function requireBody(body: unknown): Obj {
  if (isObj(body)) return body;
  const ms = new ModelState();
  ms.add('', 'The request body is required.');
  ms.throwIfInvalid();
  return {};
}

/** `POST /shipments/createlabel` (§5.1). */
export function createLabel(state: ShipStationState, body: unknown, now: Date, notify: Notify): Record<string, unknown> {
  const o = requireBody(body);
  const ms = new ModelState();
  const core = readLabelCore(ms, o, { forOrder: false });
  const shipFrom = readAddress(ms, o, 'shipFrom', { required: true, strict: true });
  const shipTo = readAddress(ms, o, 'shipTo', { required: true, strict: true });
  ms.throwIfInvalid();
  shipTo!.addressVerified = addressVerdict(shipTo!);
  // §5.1 precondition: an active manual store.
  if (!state.stores.some((s) => s.marketplaceId === 0 && s.active)) {
    throw new SimHttpError(serverError('A manual store is required to create labels without an order.'));
  }
  return buyLabel(state, { ...core, weight: core.weight!, shipFrom, shipTo: shipTo! }, now, null, notify);
}

/** `POST /orders/createlabelfororder` (§5.2): compact response, order becomes shipped. */
export function createLabelForOrder(state: ShipStationState, body: unknown, now: Date, notify: Notify): Record<string, unknown> {
  const o = requireBody(body);
  const ms = new ModelState();
  const orderId = readInt(ms, o, 'orderId', '', true);
  const core = readLabelCore(ms, o, { forOrder: true });
  ms.throwIfInvalid();
  // §5.2: a non-existent order surfaced as this NRE.
  const order = state.orders.find((x) => x.orderId === orderId && x.active);
  if (!order) throw new SimHttpError(nullReference());
  if (order.orderStatus === 'shipped' || order.orderStatus === 'cancelled') {
    throw new SimHttpError(serverError(`Order ${order.orderNumber} is ${order.orderStatus}; a label cannot be created for it.`, 'System.InvalidOperationException'));
  }
  const full = buyLabel(state, { ...core, weight: core.weight ?? orderWeight(order), dimensions: core.dimensions ?? order.dimensions, shipTo: order.shipTo, shipFrom: null }, now, order, notify);
  // The documented response is compact (§5.2); the shipment's other fields are available via GET /shipments.
  return {
    shipmentId: full.shipmentId, orderId: full.orderId, orderKey: full.orderKey, orderNumber: full.orderNumber,
    createDate: full.createDate, shipDate: full.shipDate, shipmentCost: full.shipmentCost, insuranceCost: full.insuranceCost,
    trackingNumber: full.trackingNumber, isReturnLabel: full.isReturnLabel, batchNumber: full.batchNumber,
    carrierCode: full.carrierCode, serviceCode: full.serviceCode, packageCode: full.packageCode, confirmation: full.confirmation,
    warehouseId: full.warehouseId, voided: full.voided, voidDate: full.voidDate, labelData: full.labelData, formData: full.formData,
  };
}

/**
 * `POST /shipments/voidlabel` (§5.3). Refusals answer 200 with `approved: false` and a
 * message: unknown id, already voided, or older than the carrier's void window.
 */
export function voidLabel(state: ShipStationState, body: unknown, now: Date): Record<string, unknown> {
  const o = requireBody(body);
  const ms = new ModelState();
  const shipmentId = readInt(ms, o, 'shipmentId', '', true);
  ms.throwIfInvalid();
  const s = state.shipments.find((x) => x.shipmentId === shipmentId);
  if (!s) return { approved: false, message: `Unable to find a shipment with shipmentId ${shipmentId}.` };
  if (s.voided) return { approved: false, message: 'This label has already been voided.' };
  const windowDays = VOID_WINDOW_DAYS[s.carrierCode] ?? 30;
  if (now.getTime() - s.createDate.getTime() > windowDays * 86_400_000) {
    return { approved: false, message: `Labels for ${s.carrierCode} can only be voided within ${windowDays} days of creation.` };
  }
  s.voided = true;
  s.voidDate = now;
  if (s.carrierCode === 'stamps_com' && !s.testLabel) {
    const c = state.carriers.find((x) => x.code === s.carrierCode);
    if (c) c.balance = round2(c.balance + s.shipmentCost); // postage refund
  }
  const order = s.orderId !== null ? state.orders.find((x) => x.orderId === s.orderId) : undefined;
  // Open question 7: believed to revert to awaiting_shipment when its label is voided.
  if (order && order.orderStatus === 'shipped') Object.assign(order, { orderStatus: 'awaiting_shipment', modifyDate: now });
  return { approved: true, message: 'Label voided successfully' };
}

/** `GET /shipments` filters (§7.1); `batchId` serves SHIP_NOTIFY resource URLs (§8.2). */
export function listShipments(state: ShipStationState, q: Record<string, string>): Record<string, unknown> {
  const ms = new ModelState();
  const paging = readPaging(ms, q, ['ShipDate', 'CreateDate']);
  const createStart = readPacificFilter(ms, q, 'createDateStart');
  const createEnd = readPacificFilter(ms, q, 'createDateEnd');
  const voidStart = readPacificFilter(ms, q, 'voidDateStart');
  const voidEnd = readPacificFilter(ms, q, 'voidDateEnd');
  const shipStart = q.shipDateStart ? q.shipDateStart.slice(0, 10) : undefined;
  const shipEnd = q.shipDateEnd ? q.shipDateEnd.slice(0, 10) : undefined;
  const includeItems = (q.includeShipmentItems ?? '').toLowerCase() === 'true';
  ms.throwIfInvalid();
  const eqi = (a: string | null | undefined, b: string): boolean => (a ?? '').toLowerCase() === b.toLowerCase();
  let rows = state.shipments.filter((s) => {
    if (q.recipientName && !(s.shipTo.name ?? '').toLowerCase().includes(q.recipientName.toLowerCase())) return false;
    if (q.recipientCountryCode && !eqi(s.shipTo.country, q.recipientCountryCode)) return false;
    if (q.customsCountryCode && !eqi(s.shipTo.country, q.customsCountryCode)) return false;
    if (q.orderNumber && !eqi(s.orderNumber, q.orderNumber)) return false;
    if (q.orderId && String(s.orderId) !== q.orderId) return false;
    if (q.carrierCode && !eqi(s.carrierCode, q.carrierCode)) return false;
    if (q.serviceCode && !eqi(s.serviceCode, q.serviceCode)) return false;
    if (q.trackingNumber && s.trackingNumber !== q.trackingNumber) return false;
    if (q.storeId && String(s.storeId) !== q.storeId) return false;
    if (q.batchId && s.batchNumber !== q.batchId) return false;
    if (createStart && s.createDate < createStart) return false;
    if (createEnd && s.createDate > createEnd) return false;
    if (shipStart && s.shipDate < shipStart) return false;
    if (shipEnd && s.shipDate > shipEnd) return false;
    if (voidStart && !(s.voidDate && s.voidDate >= voidStart)) return false;
    if (voidEnd && !(s.voidDate && s.voidDate <= voidEnd)) return false;
    return true;
  });
  const key = paging.sortBy === 'ShipDate' ? (s: Shipment) => Date.parse(s.shipDate) : (s: Shipment) => s.createDate.getTime();
  rows = [...rows].sort((a, b) => (key(a) - key(b) || a.shipmentId - b.shipmentId) * paging.dir);
  const page = paginate(rows, paging);
  return { shipments: page.rows.map((s) => renderShipment(s, { includeItems })), total: page.total, page: page.page, pages: page.pages };
}

/** Pacific "today", for clients and tests that need a valid shipDate. */
export function todayPacific(now: Date): string {
  return pacificDate(now);
}
