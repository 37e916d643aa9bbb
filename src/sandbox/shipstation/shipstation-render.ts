import { pacificDateTime3, pacificDateTime7 } from './pacific-time';
import type { Address, Order, OrderItem, Shipment, ShipStationState, Weight } from './shipstation-types';

/**
 * Wire rendering. Timestamps are Pacific local time without offset (§1.6): 7 fractional
 * digits on orders and shipments, up to 3 on order items and stores. Every documented
 * key is present; absent values are null, as Web API serialises them.
 */

export function renderAddress(a: Address): Record<string, unknown> {
  return { ...a };
}

export function renderWeight(w: Weight | null): Record<string, unknown> | null {
  return w ? { value: w.value, units: w.units } : null;
}

export function renderItem(i: OrderItem): Record<string, unknown> {
  return {
    orderItemId: i.orderItemId,
    lineItemKey: i.lineItemKey,
    sku: i.sku,
    name: i.name,
    imageUrl: i.imageUrl,
    weight: renderWeight(i.weight),
    quantity: i.quantity,
    unitPrice: i.unitPrice,
    taxAmount: i.taxAmount,
    shippingAmount: i.shippingAmount,
    warehouseLocation: i.warehouseLocation,
    options: i.options,
    productId: i.productId,
    fulfillmentSku: i.fulfillmentSku,
    adjustment: i.adjustment,
    upc: i.upc,
    createDate: pacificDateTime3(i.createDate),
    modifyDate: pacificDateTime3(i.modifyDate),
  };
}

const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/** orderTotal = Σ quantity × unitPrice + taxAmount + shippingAmount (§6.1 derived values). */
export function orderTotal(o: Order): number {
  return round2(o.items.reduce((s, i) => s + i.quantity * i.unitPrice, 0) + o.taxAmount + o.shippingAmount);
}

/** Order weight when the client sent none: Σ item weight × quantity, in ounces (§6.1). */
export function orderWeight(o: Order): Weight {
  if (o.weight) return o.weight;
  const oz = o.items.reduce((s, i) => {
    if (!i.weight) return s;
    const per = i.weight.units === 'pounds' ? i.weight.value * 16 : i.weight.units === 'grams' ? i.weight.value / 28.349523125 : i.weight.value;
    return s + per * i.quantity;
  }, 0);
  return { value: Math.round(oz * 100) / 100, units: 'ounces' };
}

export function renderOrder(o: Order): Record<string, unknown> {
  return {
    orderId: o.orderId,
    orderNumber: o.orderNumber,
    orderKey: o.orderKey,
    orderDate: pacificDateTime7(o.orderDate),
    createDate: pacificDateTime7(o.createDate),
    modifyDate: pacificDateTime7(o.modifyDate),
    paymentDate: o.paymentDate ? pacificDateTime7(o.paymentDate) : null,
    shipByDate: o.shipByDate ? pacificDateTime7(o.shipByDate) : null,
    orderStatus: o.orderStatus,
    customerId: o.customerId,
    customerUsername: o.customerUsername,
    customerEmail: o.customerEmail,
    billTo: renderAddress(o.billTo),
    shipTo: renderAddress(o.shipTo),
    items: o.items.map(renderItem),
    orderTotal: orderTotal(o),
    amountPaid: o.amountPaid,
    taxAmount: o.taxAmount,
    shippingAmount: o.shippingAmount,
    customerNotes: o.customerNotes,
    internalNotes: o.internalNotes,
    gift: o.gift,
    giftMessage: o.giftMessage,
    paymentMethod: o.paymentMethod,
    requestedShippingService: o.requestedShippingService,
    carrierCode: o.carrierCode,
    serviceCode: o.serviceCode,
    packageCode: o.packageCode,
    confirmation: o.confirmation,
    shipDate: o.shipDate,
    holdUntilDate: o.holdUntilDate,
    weight: renderWeight(orderWeight(o)),
    dimensions: o.dimensions,
    insuranceOptions: o.insuranceOptions,
    internationalOptions: o.internationalOptions,
    advancedOptions: o.advancedOptions,
    tagIds: o.tagIds,
    userId: o.userId,
    externallyFulfilled: o.externallyFulfilled,
    externallyFulfilledBy: o.externallyFulfilledBy,
    externallyFulfilledById: null,
    externallyFulfilledByName: null,
    labelMessages: null,
  };
}

/**
 * A shipment as in `GET /shipments` (§7.1). `labelData`/`formData` are null in lists;
 * the label responses pass them in.
 */
export function renderShipment(
  s: Shipment,
  opts: { includeItems: boolean; labelData?: string | null; formData?: string | null },
): Record<string, unknown> {
  return {
    shipmentId: s.shipmentId,
    orderId: s.orderId,
    orderKey: s.orderKey,
    userId: s.userId,
    customerEmail: s.customerEmail,
    orderNumber: s.orderNumber,
    createDate: pacificDateTime7(s.createDate),
    shipDate: s.shipDate,
    shipmentCost: s.shipmentCost,
    insuranceCost: s.insuranceCost,
    trackingNumber: s.trackingNumber,
    isReturnLabel: s.isReturnLabel,
    batchNumber: s.batchNumber,
    carrierCode: s.carrierCode,
    serviceCode: s.serviceCode,
    packageCode: s.packageCode,
    confirmation: s.confirmation,
    warehouseId: s.warehouseId,
    voided: s.voided,
    voidDate: s.voidDate ? pacificDateTime7(s.voidDate) : null,
    marketplaceNotified: s.marketplaceNotified,
    notifyErrorMessage: s.notifyErrorMessage,
    shipTo: renderAddress(s.shipTo),
    weight: renderWeight(s.weight),
    dimensions: s.dimensions,
    insuranceOptions: s.insuranceOptions,
    advancedOptions: s.advancedOptions,
    shipmentItems: opts.includeItems ? s.shipmentItems : null,
    labelData: opts.labelData ?? null,
    formData: opts.formData ?? null,
  };
}

export function renderStores(state: ShipStationState, query: Record<string, string>): Array<Record<string, unknown>> {
  const showInactive = (query.showInactive ?? '').toLowerCase() === 'true';
  const marketplaceId = query.marketplaceId !== undefined && query.marketplaceId !== '' ? Number(query.marketplaceId) : undefined;
  return state.stores
    .filter((s) => (showInactive || s.active) && (marketplaceId === undefined || s.marketplaceId === marketplaceId))
    .map((s) => ({
      ...s,
      refreshDate: pacificDateTime3(s.refreshDate),
      lastRefreshAttempt: pacificDateTime3(s.lastRefreshAttempt),
      createDate: pacificDateTime3(s.createDate),
      modifyDate: pacificDateTime3(s.modifyDate),
    }));
}
