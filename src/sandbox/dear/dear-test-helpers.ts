/**
 * Test helpers for the DEAR simulator specs: an HTTP client with DEAR's auth headers
 * and response validation against shared/reference/dear-v2.openapi.yaml.
 *
 * The reference's declared schemas contradict its own examples and the fact sheet in
 * a few places; each relaxation below names where, and relaxes only that property.
 */
import assert from 'node:assert/strict';
import { ReferenceSchemas, type SchemaRelaxation } from '../common/openapi-schemas';
import { SEED } from './dear-seed';
import type { DearSimulator } from './dear-simulator';

export const AUTH = { 'api-auth-accountid': SEED.accountId, 'api-auth-applicationkey': SEED.applicationKey };

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function call<T = any>(sim: DearSimulator, method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH): Promise<HttpResult<T>> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* HTML or plain text */
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

const nullableAt = (method: string, path: string, at: string[], reason: string): SchemaRelaxation[] =>
  at.map((a) => ({ where: 'response', method, path, at: a, nullable: true, reason }));

const PAYMENT_SCHEMA = {
  type: 'object',
  required: ['ID', 'Reference', 'Amount', 'DatePaid', 'Account', 'CurrencyRate', 'DateCreated'],
  properties: {
    ID: { type: 'string' },
    Reference: { type: 'string' },
    Amount: { type: 'number' },
    DatePaid: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T00:00:00$' },
    Account: { type: 'string' },
    CurrencyRate: { type: 'number' },
    DateCreated: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z$' },
  },
};

const ADDRESS_FIELDS = ['Line1', 'Line2', 'City', 'State', 'Postcode', 'Country'];
const HV_NULL_ADDRESS = 'HV (dear.md §2.3): response addresses can come back with Line1/Country null although required on write; the yaml types them as plain strings';
const EXPIRY_NULL = "dear.md §1.8: unset dates are null; the yaml types pick/pack ExpiryDate as string although the docs' examples leave it empty";

export const RELAXATIONS: SchemaRelaxation[] = [
  // GET /sale
  ...nullableAt('GET', '/sale', ['ShipBy'], 'dear.md §2.2 example and §1.8: ShipBy is null when unset; yaml says string'),
  ...nullableAt('GET', '/sale', ['SourceChannel'], 'dear.md §2.1: SourceChannel can be null; the saleList row schema in the same yaml is nullable, the sale schema is not'),
  ...nullableAt('GET', '/sale', ['Fulfilments[]/LinkedInvoiceNumber'], 'POST /sale/fulfilment response schema in the same yaml marks LinkedInvoiceNumber nullable; no invoice → null'),
  ...nullableAt('GET', '/sale', ['Fulfilments[]/Pick/Lines[]/ExpiryDate', 'Fulfilments[]/Pack/Lines[]/ExpiryDate'], EXPIRY_NULL),
  ...nullableAt('GET', '/sale', ADDRESS_FIELDS.map((f) => `ShippingAddress/${f}`), HV_NULL_ADDRESS),
  ...nullableAt('GET', '/sale', ADDRESS_FIELDS.map((f) => `Fulfilments[]/Ship/ShippingAddress/${f}`), HV_NULL_ADDRESS),
  { where: 'response', method: 'GET', path: '/sale', at: 'Quote/Prepayments', schema: { type: 'array', items: PAYMENT_SCHEMA }, reason: 'yaml types Prepayments items as string (its example only shows []); dear.md §2.5 documents the Payment line model (ID, Reference, Amount, DatePaid, Account, CurrencyRate, DateCreated)' },
  { where: 'response', method: 'GET', path: '/sale', at: 'Invoices[]/Payments', schema: { type: 'array', items: PAYMENT_SCHEMA }, reason: 'yaml types Payments items as string (example: []); dear.md §2.5 Payment line model' },
  // GET /sale/fulfilment, pick, pack, ship
  ...nullableAt('GET', '/sale/fulfilment', ['Fulfilments[]/LinkedInvoiceNumber'], 'as for GET /sale'),
  ...nullableAt('GET', '/sale/fulfilment', ['Fulfilments[]/Pick/Lines[]/ExpiryDate', 'Fulfilments[]/Pack/Lines[]/ExpiryDate'], EXPIRY_NULL),
  ...nullableAt('GET', '/sale/fulfilment', ADDRESS_FIELDS.map((f) => `Fulfilments[]/Ship/ShippingAddress/${f}`), HV_NULL_ADDRESS),
  ...nullableAt('POST', '/sale/fulfilment', ['Fulfilments[]/Pick/Lines[]/ExpiryDate', 'Fulfilments[]/Pack/Lines[]/ExpiryDate'], EXPIRY_NULL),
  ...nullableAt('*', '/sale/fulfilment/pick', ['Lines[]/ExpiryDate'], EXPIRY_NULL),
  ...nullableAt('*', '/sale/fulfilment/pack', ['Lines[]/ExpiryDate'], EXPIRY_NULL),
  ...nullableAt('*', '/sale/fulfilment/ship', ADDRESS_FIELDS.map((f) => `ShippingAddress/${f}`), HV_NULL_ADDRESS),
  // GET /product is validated against the POST /product response (GET has no schema in the yaml; dear.md §5.1: same envelope)
  { where: 'response', method: 'POST', path: '/product', at: 'Products[]/Attachments', schema: { type: 'array', items: { type: 'object', required: ['ID', 'ContentType', 'FileName', 'DownloadUrl'], properties: { ID: { type: 'string' }, ContentType: { type: 'string' }, FileName: { type: 'string' }, DownloadUrl: { type: 'string' }, IsDefault: { type: 'boolean' } } } }, reason: 'yaml types product Attachments items as string; dear.md §5.1 Attachment Line Model is an object (ID, ContentType, IsDefault, FileName, DownloadUrl)' },
  // GET /ref/location
  { where: 'response', method: 'GET', path: '/ref/location', at: 'LocationList[]/Bins', schema: { type: ['array', 'null'], items: { type: 'object', required: ['ID', 'Name', 'IsDeprecated', 'IsStaging'], properties: { ID: { type: 'string' }, Name: { type: 'string' }, IsDeprecated: { type: 'boolean' }, IsStaging: { type: 'boolean' } } } }, reason: "yaml types Bins as an array of strings and requires it, but its own example shows `Bins: null` and bins as objects {ID, Name, IsDeprecated, IsStaging} (dear.md §5.4)" },
  // Webhooks: credentials not used by the chosen auth type are null
  ...nullableAt('GET', '/webhooks', ['Webhooks[]/ExternalBearerToken', 'Webhooks[]/ExternalUserName', 'Webhooks[]/ExternalPassword'], 'dear.md §6.1 example: ExternalBearerToken null for basicauth; the POST response schema marks it nullable, GET does not'),
  ...nullableAt('POST', '/webhooks', ['Webhooks[]/ExternalUserName', 'Webhooks[]/ExternalPassword'], 'unused credentials are null, as ExternalBearerToken is in the same schema'),
  ...nullableAt('PUT', '/webhooks', ['Webhooks[]/ExternalUserName', 'Webhooks[]/ExternalPassword', 'Webhooks[]/ExternalBearerToken'], 'unused credentials are null (dear.md §6.1 example)'),
];

let schemas: ReferenceSchemas | undefined;
export function referenceSchemas(): ReferenceSchemas {
  schemas ??= ReferenceSchemas.load('dear-v2.openapi.yaml', { relaxations: RELAXATIONS });
  return schemas;
}

/** Asserts `body` matches the declared response schema of `METHOD path` (path may carry a query). */
export function assertSchema(method: string, path: string, body: unknown, status = 200): void {
  const v = referenceSchemas().response(method, path, status);
  assert.equal(v.source, 'declared', `expected a declared schema for ${method} ${path}, got ${v.source}`);
  const out = v(body);
  assert.ok(out.valid, `${method} ${path} does not match ${v.operation}:\n${out.errors.slice(0, 15).join('\n')}`);
}

/** DEAR's Error Model array `[{ErrorCode, Exception}]` (dear.md §1.6). */
export function assertErrorArray(body: unknown, code?: number): string {
  assert.ok(Array.isArray(body), `expected an error array, got ${JSON.stringify(body)}`);
  const [e] = body as Array<{ ErrorCode: number; Exception: string }>;
  assert.equal(typeof e.ErrorCode, 'number');
  assert.equal(typeof e.Exception, 'string');
  if (code !== undefined) assert.equal(e.ErrorCode, code);
  return e.Exception;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
