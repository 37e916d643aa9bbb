import { randomUUID } from 'node:crypto';
import { ModelState, SimHttpError, badRequest, nullReference, resourceNotFound, serverError } from './shipstation-errors';
import {
  addressVerdict, emptyAddress, isObj, readAddress, readBool, readDateOnly, readDateTime, readDimensions, readEnum, readInt,
  readNumber, readObject, readString, readWeight, type Obj,
} from './shipstation-input';
import { paginate, readPaging, readPacificFilter } from './shipstation-paging';
import { renderOrder } from './shipstation-render';
import { ORDER_STATUSES, type Order, type OrderItem, type OrderStatus, type ShipStationState } from './shipstation-types';

/**
 * Orders (fact sheet §6): upsert by `orderKey`, whole-document replacement, shipped and
 * cancelled orders locked, soft delete, list filters in Pacific time.
 */

/** Only these can be changed through the API (§6.2; the bulk doc adds pending_fulfillment). */
const UPDATABLE: OrderStatus[] = ['awaiting_payment', 'awaiting_shipment', 'on_hold', 'pending_fulfillment'];

export class OrderLockedError extends Error {}

function readItems(ms: ModelState, state: ShipStationState, o: Obj, now: Date, previous: OrderItem[]): OrderItem[] {
  const v = o.items;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    ms.invalid('items', JSON.stringify(v), 'List`1');
    return [];
  }
  return v.map((raw, idx) => {
    const p = `items[${idx}].`;
    if (!isObj(raw)) {
      ms.invalid(`items[${idx}]`, JSON.stringify(raw), 'OrderItem');
      return undefined;
    }
    const lineItemKey = readString(ms, raw, 'lineItemKey', p);
    const sku = readString(ms, raw, 'sku', p);
    const name = readString(ms, raw, 'name', p, true); // §2.2: must not be null
    const optionsRaw = Array.isArray(raw.options) ? raw.options : [];
    const prev = lineItemKey ? previous.find((i) => i.lineItemKey === lineItemKey) : undefined;
    let productId: number | null = null;
    if (sku) {
      productId = state.productIds.get(sku) ?? ++state.ids.product;
      state.productIds.set(sku, productId);
    }
    const item: OrderItem = {
      orderItemId: prev?.orderItemId ?? ++state.ids.orderItem,
      lineItemKey,
      sku,
      name: name ?? '',
      imageUrl: readString(ms, raw, 'imageUrl', p),
      weight: readWeight(ms, raw, 'weight', p),
      quantity: readInt(ms, raw, 'quantity', p) ?? 1,
      unitPrice: readNumber(ms, raw, 'unitPrice', p) ?? 0,
      taxAmount: readNumber(ms, raw, 'taxAmount', p),
      shippingAmount: readNumber(ms, raw, 'shippingAmount', p),
      warehouseLocation: readString(ms, raw, 'warehouseLocation', p),
      options: optionsRaw.filter(isObj).map((x) => ({ name: String(x.name ?? ''), value: String(x.value ?? '') })),
      productId,
      fulfillmentSku: readString(ms, raw, 'fulfillmentSku', p),
      adjustment: readBool(ms, raw, 'adjustment', p) ?? false,
      upc: readString(ms, raw, 'upc', p),
      createDate: prev?.createDate ?? now,
      modifyDate: now,
    };
    return item;
  }).filter((i): i is OrderItem => i !== undefined);
}

function readAdvanced(ms: ModelState, state: ShipStationState, o: Obj, existing: Order | undefined): Record<string, unknown> {
  const a = readObject(ms, o, 'advancedOptions') ?? {};
  let storeId = existing ? (existing.advancedOptions.storeId as number) : state.stores.find((s) => s.marketplaceId === 0)!.storeId;
  if (!existing && a.storeId !== undefined && a.storeId !== null) {
    // storeId is honoured only at creation (§2.5).
    if (typeof a.storeId !== 'number' || !state.stores.some((s) => s.storeId === a.storeId)) {
      ms.add('advancedOptions.storeId', `Store ${String(a.storeId)} was not found.`);
    } else storeId = a.storeId;
  }
  const str = (k: string): string | null => (typeof a[k] === 'string' ? (a[k] as string) : null);
  const bool = (k: string): boolean => a[k] === true;
  return {
    warehouseId: typeof a.warehouseId === 'number' ? a.warehouseId : state.warehouseId,
    nonMachinable: bool('nonMachinable'),
    saturdayDelivery: bool('saturdayDelivery'),
    containsAlcohol: bool('containsAlcohol'),
    mergedOrSplit: false,
    mergedIds: [],
    parentId: null,
    storeId,
    customField1: str('customField1'),
    customField2: str('customField2'),
    customField3: str('customField3'),
    source: str('source'),
    billToParty: str('billToParty'),
    billToAccount: str('billToAccount'),
    billToPostalCode: str('billToPostalCode'),
    billToCountryCode: str('billToCountryCode'),
    billToMyOtherAccount: typeof a.billToMyOtherAccount === 'number' ? a.billToMyOtherAccount : null,
  };
}

function readInternational(ms: ModelState, state: ShipStationState, o: Obj): Record<string, unknown> {
  const i = readObject(ms, o, 'internationalOptions');
  if (!i) return { contents: null, customsItems: null, nonDelivery: null }; // §2.4 domestic rendering
  const items = Array.isArray(i.customsItems)
    ? i.customsItems.filter(isObj).map((c) => ({ ...c, customsItemId: typeof c.customsItemId === 'number' ? c.customsItemId : ++state.ids.customsItem }))
    : null;
  return { contents: i.contents ?? null, customsItems: items, nonDelivery: i.nonDelivery ?? null };
}

/**
 * Builds the stored order from a createorder body. Returns the order (not yet stored)
 * or throws SimHttpError(400) / OrderLockedError.
 */
export function upsertOrder(state: ShipStationState, body: unknown, now: Date): Order {
  const ms = new ModelState();
  if (!isObj(body)) {
    ms.add('', 'The request body is required.');
    ms.throwIfInvalid();
  }
  const o = body as Obj;
  const orderKey = readString(ms, o, 'orderKey');
  const orderId = readInt(ms, o, 'orderId');
  let existing = orderKey !== null ? state.orders.find((x) => x.orderKey === orderKey) : undefined;
  if (!existing && orderId !== null) {
    existing = state.orders.find((x) => x.orderId === orderId);
    if (!existing) throw new SimHttpError(nullReference());
  }
  const orderNumber = readString(ms, o, 'orderNumber', '', true);
  if (orderNumber && orderNumber.length > 50) ms.add('orderNumber', 'orderNumber must be 50 characters or fewer.');
  const orderDate = readDateTime(ms, o, 'orderDate', '', true);
  const orderStatus = readEnum(ms, o, 'orderStatus', ORDER_STATUSES, '', true);
  const billTo = readAddress(ms, o, 'billTo', { required: true, strict: false });
  const shipTo = readAddress(ms, o, 'shipTo', { required: true, strict: false });
  if (shipTo) shipTo.addressVerified = addressVerdict(shipTo);
  const items = readItems(ms, state, o, now, existing?.items ?? []);
  const ins = readObject(ms, o, 'insuranceOptions');
  const order: Order = {
    orderId: existing?.orderId ?? ++state.ids.order,
    orderKey: existing?.orderKey ?? orderKey ?? randomUUID(),
    orderNumber: orderNumber ?? '',
    createDate: existing?.createDate ?? now,
    modifyDate: now,
    orderDate: orderDate ?? now,
    paymentDate: readDateTime(ms, o, 'paymentDate'),
    shipByDate: readDateTime(ms, o, 'shipByDate'),
    orderStatus: orderStatus ?? 'awaiting_payment',
    customerId: null,
    customerUsername: readString(ms, o, 'customerUsername'),
    customerEmail: readString(ms, o, 'customerEmail'),
    billTo: billTo ?? emptyAddress(),
    shipTo: shipTo ?? emptyAddress(),
    items,
    amountPaid: readNumber(ms, o, 'amountPaid') ?? 0,
    taxAmount: readNumber(ms, o, 'taxAmount') ?? 0,
    shippingAmount: readNumber(ms, o, 'shippingAmount') ?? 0,
    customerNotes: readString(ms, o, 'customerNotes'),
    internalNotes: readString(ms, o, 'internalNotes'),
    gift: readBool(ms, o, 'gift') ?? false,
    giftMessage: readString(ms, o, 'giftMessage'),
    paymentMethod: readString(ms, o, 'paymentMethod'),
    requestedShippingService: readString(ms, o, 'requestedShippingService'),
    carrierCode: readString(ms, o, 'carrierCode'),
    serviceCode: readString(ms, o, 'serviceCode'),
    packageCode: readString(ms, o, 'packageCode'),
    confirmation: readString(ms, o, 'confirmation'),
    shipDate: readDateOnly(ms, o, 'shipDate'),
    holdUntilDate: readDateOnly(ms, o, 'holdUntilDate'),
    weight: readWeight(ms, o, 'weight'),
    dimensions: readDimensions(ms, o, 'dimensions'),
    insuranceOptions: { provider: ins?.provider ?? null, insureShipment: ins?.insureShipment === true, insuredValue: typeof ins?.insuredValue === 'number' ? ins.insuredValue : 0 },
    internationalOptions: readInternational(ms, state, o),
    advancedOptions: readAdvanced(ms, state, o, existing),
    tagIds: Array.isArray(o.tagIds) ? o.tagIds.filter((t): t is number => typeof t === 'number') : null,
    userId: existing?.userId ?? null,
    externallyFulfilled: existing?.externallyFulfilled ?? false,
    externallyFulfilledBy: existing?.externallyFulfilledBy ?? null,
    active: true,
  };
  ms.throwIfInvalid();
  if (existing && !UPDATABLE.includes(existing.orderStatus)) {
    throw new OrderLockedError(
      `Order ${existing.orderNumber} (orderId ${existing.orderId}) is ${existing.orderStatus} and cannot be modified. ` +
        'Only orders in awaiting_payment, awaiting_shipment, on_hold or pending_fulfillment status can be updated.',
    );
  }
  if (order.customerEmail) {
    const known = state.orders.find((x) => x.customerEmail === order.customerEmail && x.customerId !== null);
    order.customerId = existing?.customerId ?? known?.customerId ?? ++state.ids.customer;
  }
  if (existing) state.orders[state.orders.indexOf(existing)] = order;
  else state.orders.push(order);
  return order;
}

/** `POST /orders/createorder`: the stored order; a locked order is a 500 business error (§1.4, §6.2). */
export function createOrder(state: ShipStationState, body: unknown, now: Date): Record<string, unknown> {
  try {
    return renderOrder(upsertOrder(state, body, now));
  } catch (e) {
    if (e instanceof OrderLockedError) throw new SimHttpError(serverError(e.message, 'System.InvalidOperationException'));
    throw e;
  }
}

/** `POST /orders/createorders`: ≤100 orders, one result each (§6.3). */
export function createOrders(state: ShipStationState, body: unknown, now: Date): Record<string, unknown> {
  if (!Array.isArray(body)) throw new SimHttpError(badRequest({ request: ['The request body must be a JSON array of orders.'] }));
  if (body.length > 100) {
    throw new SimHttpError(badRequest({ request: ['A maximum of 100 orders may be created or updated per request.'] }));
  }
  const results = body.map((raw) => {
    const o = isObj(raw) ? raw : {};
    try {
      const order = upsertOrder(state, raw, now);
      return { orderId: order.orderId, orderNumber: order.orderNumber, orderKey: order.orderKey, success: true, errorMessage: null };
    } catch (e) {
      let message = e instanceof Error ? e.message : String(e);
      if (e instanceof SimHttpError) {
        const b = e.response.body as { ModelState?: Record<string, string[]>; ExceptionMessage?: string };
        message = b.ModelState ? Object.values(b.ModelState).flat().join(' ') : (b.ExceptionMessage ?? message);
      }
      const orderNumber = typeof o.orderNumber === 'string' ? o.orderNumber : null;
      const orderKey = typeof o.orderKey === 'string' ? o.orderKey : null;
      return { orderId: 0, orderNumber, orderKey, success: false, errorMessage: message };
    }
  });
  return { hasErrors: results.some((r) => !r.success), results };
}

export function findOrder(state: ShipStationState, id: string): Order {
  const order = /^\d+$/.test(id) ? state.orders.find((o) => o.orderId === Number(id)) : undefined;
  if (!order) throw new SimHttpError(resourceNotFound('Order'));
  return order;
}

/** Soft delete (§6.4): hidden from lists, still stored. */
export function deleteOrder(state: ShipStationState, id: string): Record<string, unknown> {
  const order = findOrder(state, id);
  order.active = false;
  return { success: true, message: 'The requested order has been deleted.' };
}

/** `GET /orders` filters (§6.4). */
export function listOrders(state: ShipStationState, q: Record<string, string>): Record<string, unknown> {
  const ms = new ModelState();
  const paging = readPaging(ms, q, ['OrderDate', 'ModifyDate', 'CreateDate']);
  const range = (name: string) => readPacificFilter(ms, q, name);
  const createStart = range('createDateStart'), createEnd = range('createDateEnd');
  const modifyStart = range('modifyDateStart'), modifyEnd = range('modifyDateEnd');
  const orderStart = range('orderDateStart'), orderEnd = range('orderDateEnd');
  const payStart = range('paymentDateStart'), payEnd = range('paymentDateEnd');
  const status = q.orderStatus || undefined;
  if (status && !ORDER_STATUSES.includes(status as OrderStatus)) ms.invalid('orderStatus', status, 'orderStatus');
  const storeId = q.storeId ? Number(q.storeId) : undefined;
  if (q.storeId && !Number.isInteger(storeId)) ms.invalid('storeId', q.storeId, 'Int32');
  ms.throwIfInvalid();
  const t = (d: Date | null): number => (d ? d.getTime() : NaN);
  const name = q.customerName?.toLowerCase();
  const kw = q.itemKeyword?.toLowerCase();
  let rows = state.orders.filter((o) => {
    if (!o.active) return false;
    if (q.orderNumber && !o.orderNumber.toLowerCase().startsWith(q.orderNumber.toLowerCase())) return false; // starts-with
    if (status && o.orderStatus !== status) return false;
    if (storeId !== undefined && o.advancedOptions.storeId !== storeId) return false;
    if (name && !`${o.billTo.name ?? ''}|${o.shipTo.name ?? ''}`.toLowerCase().includes(name)) return false;
    if (kw && !o.items.some((i) => [i.sku, i.name, ...i.options.map((x) => x.value)].some((s) => s?.toLowerCase().includes(kw)))) return false;
    if (q.customsCountryCode && o.shipTo.country !== q.customsCountryCode.toUpperCase()) return false;
    if (createStart && t(o.createDate) < createStart.getTime()) return false;
    if (createEnd && t(o.createDate) > createEnd.getTime()) return false;
    if (modifyStart && t(o.modifyDate) < modifyStart.getTime()) return false;
    if (modifyEnd && t(o.modifyDate) > modifyEnd.getTime()) return false;
    if (orderStart && !(t(o.orderDate) > orderStart.getTime())) return false; // exclusive (§6.4)
    if (orderEnd && t(o.orderDate) > orderEnd.getTime()) return false;
    if (payStart && !(t(o.paymentDate) >= payStart.getTime())) return false;
    if (payEnd && !(t(o.paymentDate) <= payEnd.getTime())) return false;
    return true;
  });
  const key: Record<string, (o: Order) => number> = {
    OrderDate: (o) => o.orderDate.getTime(),
    ModifyDate: (o) => o.modifyDate.getTime(),
    CreateDate: (o) => o.createDate.getTime(),
  };
  const k = key[paging.sortBy ?? ''] ?? ((o: Order) => o.orderId); // default: ascending orderId
  rows = [...rows].sort((a, b) => (k(a) - k(b) || a.orderId - b.orderId) * paging.dir);
  const page = paginate(rows, paging);
  return { orders: page.rows.map(renderOrder), total: page.total, page: page.page, pages: page.pages };
}
