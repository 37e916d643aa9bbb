/**
 * The endpoint table. Endpoint names are matched case-insensitively (`SaleList` and
 * `saleList` both appear in the docs, dear.md §1.1); records and counters use the
 * canonical spelling below.
 */
import type { Handler } from './dear-context';
import { getFulfilments, getPack, getPick, getShip, postFulfilment, postPack, postPick, writeShip } from './dear-fulfilment';
import { getCarriers, getLocations, getMe, getProductFamilies, getProducts } from './dear-products';
import { getInvoices, getOrder, getSale, getSaleList, postInvoice, postOrder } from './dear-sales';
import { deleteWebhook, getWebhooks, postWebhook, putWebhook } from './dear-webhooks';

export const DEAR_PREFIX = '/ExternalApi/v2';

export interface Route {
  path: string;
  methods: Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', Handler>>;
}

export const ROUTES: Route[] = [
  { path: '/me', methods: { GET: getMe } },
  { path: '/saleList', methods: { GET: getSaleList } },
  { path: '/sale', methods: { GET: getSale } },
  { path: '/sale/order', methods: { GET: getOrder, POST: postOrder } },
  { path: '/sale/invoice', methods: { GET: getInvoices, POST: postInvoice } },
  { path: '/sale/fulfilment', methods: { GET: getFulfilments, POST: postFulfilment } },
  { path: '/sale/fulfilment/pick', methods: { GET: getPick, POST: postPick, PUT: postPick } },
  { path: '/sale/fulfilment/pack', methods: { GET: getPack, POST: postPack, PUT: postPack } },
  { path: '/sale/fulfilment/ship', methods: { GET: getShip, POST: (c) => writeShip(c, 'POST'), PUT: (c) => writeShip(c, 'PUT') } },
  { path: '/product', methods: { GET: getProducts } },
  { path: '/productFamily', methods: { GET: getProductFamilies } },
  { path: '/ref/carrier', methods: { GET: getCarriers } },
  { path: '/ref/location', methods: { GET: getLocations } },
  { path: '/webhooks', methods: { GET: getWebhooks, POST: postWebhook, PUT: putWebhook, DELETE: deleteWebhook } },
];

const BY_LOWER = new Map(ROUTES.map((r) => [r.path.toLowerCase(), r]));

export function findRoute(endpointPath: string): Route | undefined {
  return BY_LOWER.get(endpointPath.replace(/\/+$/, '').toLowerCase());
}

/**
 * Splits a URL path into the endpoint path under `/ExternalApi/v2` (prefix matched
 * case-insensitively, §1.1); undefined when the path is outside the API.
 */
export function endpointPath(urlPath: string): string | undefined {
  const lower = urlPath.toLowerCase();
  const prefix = DEAR_PREFIX.toLowerCase();
  if (lower === prefix || lower === `${prefix}/`) return '/';
  if (!lower.startsWith(`${prefix}/`)) return undefined;
  return urlPath.slice(DEAR_PREFIX.length);
}

/** The canonical spelling of an endpoint path given in any case, with or without the prefix. */
export function canonicalPath(p: string): string {
  const rel = endpointPath(p) ?? p;
  return findRoute(rel)?.path ?? rel;
}
