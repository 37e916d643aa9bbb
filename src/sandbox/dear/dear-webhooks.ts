/**
 * Webhook management: `GET/POST/PUT/DELETE /webhooks` (dear.md §6.1). Answers are
 * always `{Webhooks: [...]}`; DELETE answers `{Webhooks: []}`. At most 5 webhooks of
 * one Type. Deliveries are not simulated here.
 */
import { bodyObject, type HandlerContext, str } from './dear-context';
import { badRequest } from './dear-errors';
import type { Webhook } from './dear-types';
import { newGuid } from './dear-util';

/** Type → read-only friendly `Name` (the one documented example, §6.1, plus our wording). */
export const WEBHOOK_TYPES: Record<string, string> = {
  'Sale/QuoteAuthorised': 'Sale quote has been authorised',
  'Sale/OrderAuthorised': 'Sale order has been authorised',
  'Sale/Voided': 'Sale has been voided',
  'Sale/Backordered': 'Sale has been backordered',
  'Sale/ShipmentAuthorised': 'Sale shipment has been authorised',
  'Sale/InvoiceAuthorised': 'Sale invoice has been authorised',
  'Sale/PickAuthorised': 'Sale pick has been authorised',
  'Sale/PackAuthorised': 'Sale pack has been authorised',
  'Sale/CreditNoteAuthorised': 'Sale credit note has been authorised',
  'Sale/Undo': 'Sale has been undone',
  'Sale/PartialPaymentReceived': 'Sale partial payment has been received',
  'Sale/FullPaymentReceived': 'Sale full payment has been received',
  'Sale/ShipmentTrackingNumberChanged': 'Sale shipment tracking number has been changed',
  'Sale/Created': 'Sale has been created',
  'Sale/AttachmentAdded': 'Sale attachment has been added',
  'Sale/AdditionalAttributesChanged': 'Sale additional attributes have been changed',
  'Purchase/OrderAuthorised': 'Purchase order has been authorised',
  'Purchase/InvoiceAuthorised': 'Purchase invoice has been authorised',
  'Purchase/StockReceivedAuthorised': 'Purchase stock received has been authorised',
  'Purchase/CreditNoteAuthorised': 'Purchase credit note has been authorised',
  'Purchase/Updated': 'Purchase has been updated',
  'Customer/Updated': 'Customer has been updated',
  'Supplier/Updated': 'Supplier has been updated',
  'Stock/AvailableStockLevelChanged': 'Available stock level has been changed',
  'Product/Updated': 'Product has been updated',
};

function render(w: Webhook) {
  return { ...w, ExternalHeaders: w.ExternalHeaders.map((h) => ({ ...h })) };
}

function parse(ctx: HandlerContext, existing?: Webhook): Webhook {
  const b = bodyObject(ctx);
  const type = str(b.Type, existing?.Type);
  const name = WEBHOOK_TYPES[type];
  if (!name) throw badRequest(`Webhook Type '${type}' is not valid.`);
  const url = str(b.ExternalURL, existing?.ExternalURL);
  if (!/^https?:\/\//i.test(url)) throw badRequest('ExternalURL is required and must be an absolute http(s) URL.');
  if (b.IsActive === undefined && !existing) throw badRequest('IsActive is required.');
  const auth = str(b.ExternalAuthorizationType, existing?.ExternalAuthorizationType ?? 'noauth').toLowerCase();
  if (auth !== 'noauth' && auth !== 'basicauth' && auth !== 'bearerauth') throw badRequest(`ExternalAuthorizationType '${auth}' is not valid. Use noauth, basicauth or bearerauth.`);
  const w: Webhook = {
    ID: existing?.ID ?? newGuid(),
    Type: type,
    Name: name,
    IsActive: b.IsActive === undefined ? existing!.IsActive : String(b.IsActive).toLowerCase() === 'true',
    ExternalURL: url,
    ExternalAuthorizationType: auth,
    ExternalUserName: b.ExternalUserName !== undefined ? (b.ExternalUserName === null ? null : str(b.ExternalUserName)) : (existing?.ExternalUserName ?? null),
    ExternalPassword: b.ExternalPassword !== undefined ? (b.ExternalPassword === null ? null : str(b.ExternalPassword)) : (existing?.ExternalPassword ?? null),
    ExternalBearerToken: b.ExternalBearerToken !== undefined ? (b.ExternalBearerToken === null ? null : str(b.ExternalBearerToken)) : (existing?.ExternalBearerToken ?? null),
    ExternalHeaders: Array.isArray(b.ExternalHeaders)
      ? (b.ExternalHeaders as Array<Record<string, unknown>>).map((h) => ({ Key: str(h?.Key), Value: str(h?.Value) }))
      : (existing?.ExternalHeaders ?? []),
  };
  if (auth === 'basicauth' && (!w.ExternalUserName || !w.ExternalPassword)) throw badRequest('ExternalUserName and ExternalPassword are required for basicauth.');
  if (auth === 'bearerauth' && !w.ExternalBearerToken) throw badRequest('ExternalBearerToken is required for bearerauth.');
  const sameType = ctx.state.webhooks.filter((x) => x.Type === w.Type && x.ID !== w.ID);
  if (sameType.length >= 5) throw badRequest(`No more than 5 webhooks of type ${w.Type} are allowed.`);
  return w;
}

export function getWebhooks(ctx: HandlerContext) {
  return { Webhooks: ctx.state.webhooks.map(render) };
}

export function postWebhook(ctx: HandlerContext) {
  const b = bodyObject(ctx);
  if (b.ID) throw badRequest('ID must not be sent when creating a webhook; use PUT to update.');
  const w = parse(ctx);
  ctx.state.webhooks.push(w);
  return { Webhooks: [render(w)] };
}

export function putWebhook(ctx: HandlerContext) {
  const b = bodyObject(ctx);
  const id = str(b.ID).toLowerCase();
  if (!id) throw badRequest('ID is required.');
  const idx = ctx.state.webhooks.findIndex((w) => w.ID.toLowerCase() === id);
  if (idx < 0) throw badRequest(`Webhook with ID '${str(b.ID)}' not found.`);
  const w = parse(ctx, ctx.state.webhooks[idx]);
  ctx.state.webhooks[idx] = w;
  return { Webhooks: [render(w)] };
}

export function deleteWebhook(ctx: HandlerContext) {
  const id = ctx.q.get('ID')?.toLowerCase();
  if (!id) throw badRequest('Parameter ID is required.');
  const idx = ctx.state.webhooks.findIndex((w) => w.ID.toLowerCase() === id);
  if (idx < 0) throw badRequest(`Webhook with ID '${ctx.q.get('ID')}' not found.`);
  ctx.state.webhooks.splice(idx, 1);
  return { Webhooks: [] };
}
