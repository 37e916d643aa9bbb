import { ModelState, SimHttpError, resourceNotFound, serverError } from './shipstation-errors';
import { isObj, readEnum, readInt, readString, type Obj } from './shipstation-input';
import type { Carrier, CarrierOption, ShipStationState } from './shipstation-types';

/** Carriers (§3) and webhook subscriptions (§8.1). */

function carrierCodeParam(q: Record<string, string>): string {
  const code = q.carrierCode;
  if (!code) {
    const ms = new ModelState();
    ms.required('carrierCode');
    ms.throwIfInvalid();
  }
  return code;
}

function findCarrier(state: ShipStationState, code: string): Carrier {
  const c = state.carriers.find((x) => x.code === code);
  // Unknown carriers are a 500 business error, like other carrier failures (§1.4).
  if (!c) throw new SimHttpError(serverError(`The carrier '${code}' is not connected to this account.`));
  return c;
}

export function getCarrier(state: ShipStationState, q: Record<string, string>): Carrier {
  return findCarrier(state, carrierCodeParam(q));
}

export function listServices(state: ShipStationState, q: Record<string, string>): CarrierOption[] {
  const code = findCarrier(state, carrierCodeParam(q)).code;
  return state.services.filter((s) => s.carrierCode === code);
}

export function listPackages(state: ShipStationState, q: Record<string, string>): CarrierOption[] {
  const code = findCarrier(state, carrierCodeParam(q)).code;
  return state.packages.filter((s) => s.carrierCode === code);
}

export const WEBHOOK_EVENTS = [
  'ORDER_NOTIFY', 'ITEM_ORDER_NOTIFY', 'SHIP_NOTIFY', 'ITEM_SHIP_NOTIFY', 'FULFILLMENT_SHIPPED', 'FULFILLMENT_REJECTED',
] as const;

/** `POST /webhooks/subscribe` → `{id}` (legacy spec and SDKs; open question 2). */
export function subscribeWebhook(state: ShipStationState, body: unknown): { id: number } {
  const ms = new ModelState();
  const o: Obj = isObj(body) ? body : {};
  const url = readString(ms, o, 'target_url', '', true);
  const event = readEnum(ms, o, 'event', WEBHOOK_EVENTS, '', true);
  const storeId = readInt(ms, o, 'store_id');
  const name = readString(ms, o, 'friendly_name');
  if (url && !/^https?:\/\//i.test(url)) ms.add('target_url', 'target_url must be an absolute http(s) URL.');
  if (storeId !== null && !state.stores.some((s) => s.storeId === storeId)) ms.add('store_id', `Store ${storeId} was not found.`);
  ms.throwIfInvalid();
  const id = ++state.ids.webhook;
  state.webhooks.push({
    WebHookID: id, SellerID: state.sellerId, StoreID: storeId, HookType: event!, MessageFormat: 'Json',
    Url: url!, Name: name, IsLabelAPIHook: false, Active: true,
  });
  return { id };
}

/** `GET /webhooks` → `{webhooks: [...]}` with PascalCase keys (§8.1). */
export function listWebhooks(state: ShipStationState): Record<string, unknown> {
  return {
    webhooks: state.webhooks.map((w) => ({
      IsLabelAPIHook: w.IsLabelAPIHook, WebHookID: w.WebHookID, SellerID: w.SellerID, StoreID: w.StoreID,
      HookType: w.HookType, MessageFormat: w.MessageFormat, Url: w.Url, Name: w.Name,
      BulkCopyBatchID: null, BulkCopyRecordID: null, Active: w.Active, WebhookLogs: [], Seller: null, Store: null,
    })),
  };
}

/** `DELETE /webhooks/{id}` → 200 with no body (§8.1). */
export function deleteWebhook(state: ShipStationState, id: string): void {
  const i = state.webhooks.findIndex((w) => String(w.WebHookID) === id);
  if (i < 0) throw new SimHttpError(resourceNotFound('Webhook'));
  state.webhooks.splice(i, 1);
}
