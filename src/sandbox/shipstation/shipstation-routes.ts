import { json, type SimResponse } from '../common/sim-http';
import { deleteWebhook, getCarrier, listPackages, listServices, listWebhooks, subscribeWebhook } from './shipstation-account';
import { createOrder, createOrders, deleteOrder, findOrder, listOrders } from './shipstation-orders';
import { getRates } from './shipstation-rates';
import { renderOrder, renderStores } from './shipstation-render';
import { createLabel, createLabelForOrder, listShipments, voidLabel, type Notify } from './shipstation-shipments';
import type { ShipStationState } from './shipstation-types';

/** The V1 routes the simulator serves; paths are matched case-insensitively as ASP.NET routes are. */

export interface RouteContext {
  state: ShipStationState;
  body: unknown;
  query: Record<string, string>;
  params: string[];
  now: Date;
  notify: Notify;
}

export interface Route {
  method: string;
  pattern: RegExp;
  handle(ctx: RouteContext): SimResponse;
}

const ok = (body: unknown): SimResponse => json(200, body);

export const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/carriers$/, handle: (c) => ok(c.state.carriers) },
  { method: 'GET', pattern: /^\/carriers\/getcarrier$/, handle: (c) => ok(getCarrier(c.state, c.query)) },
  { method: 'GET', pattern: /^\/carriers\/listservices$/, handle: (c) => ok(listServices(c.state, c.query)) },
  { method: 'GET', pattern: /^\/carriers\/listpackages$/, handle: (c) => ok(listPackages(c.state, c.query)) },
  { method: 'POST', pattern: /^\/shipments\/getrates$/, handle: (c) => ok(getRates(c.state, c.body)) },
  { method: 'POST', pattern: /^\/shipments\/createlabel$/, handle: (c) => ok(createLabel(c.state, c.body, c.now, c.notify)) },
  { method: 'POST', pattern: /^\/shipments\/voidlabel$/, handle: (c) => ok(voidLabel(c.state, c.body, c.now)) },
  { method: 'GET', pattern: /^\/shipments$/, handle: (c) => ok(listShipments(c.state, c.query)) },
  { method: 'POST', pattern: /^\/orders\/createlabelfororder$/, handle: (c) => ok(createLabelForOrder(c.state, c.body, c.now, c.notify)) },
  { method: 'POST', pattern: /^\/orders\/createorder$/, handle: (c) => ok(createOrder(c.state, c.body, c.now)) },
  { method: 'POST', pattern: /^\/orders\/createorders$/, handle: (c) => ok(createOrders(c.state, c.body, c.now)) },
  { method: 'GET', pattern: /^\/orders$/, handle: (c) => ok(listOrders(c.state, c.query)) },
  { method: 'GET', pattern: /^\/orders\/(\d+)$/, handle: (c) => ok(renderOrder(findOrder(c.state, c.params[0]))) },
  { method: 'DELETE', pattern: /^\/orders\/(\d+)$/, handle: (c) => ok(deleteOrder(c.state, c.params[0])) },
  { method: 'GET', pattern: /^\/stores$/, handle: (c) => ok(renderStores(c.state, c.query)) },
  { method: 'GET', pattern: /^\/webhooks$/, handle: (c) => ok(listWebhooks(c.state)) },
  { method: 'POST', pattern: /^\/webhooks\/subscribe$/, handle: (c) => ok(subscribeWebhook(c.state, c.body)) },
  {
    method: 'DELETE',
    pattern: /^\/webhooks\/(\d+)$/,
    handle: (c) => {
      deleteWebhook(c.state, c.params[0]);
      return json(200);
    },
  },
];

export function findRoute(method: string, path: string): { route?: Route; params: string[]; pathKnown: boolean } {
  const p = path.toLowerCase().replace(/\/+$/, '') || '/';
  let pathKnown = false;
  for (const route of ROUTES) {
    const m = route.pattern.exec(p);
    if (!m) continue;
    pathKnown = true;
    if (route.method === method.toUpperCase()) return { route, params: m.slice(1), pathKnown };
  }
  return { params: [], pathKnown };
}
