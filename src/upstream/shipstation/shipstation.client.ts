import { UpstreamHttpClient } from '../http/upstream-http-client';
import {
  SsCarrier, SsCreateLabelRequest, SsCreateOrdersResult, SsLabel, SsOrder, SsOrderInput, SsRate, SsRateRequest,
  SsServiceOrPackage, SsShipment, SsShipmentsQuery, SsStore, SsVoidResult, SsWebhook,
} from './shipstation.types';

interface ListEnvelope {
  total: number;
  page: number;
  pages: number;
}

/**
 * ShipStation API v1, one method per endpoint the SPEC needs. HTTP concerns (auth, budget,
 * retries, errors) live in {@link UpstreamHttpClient}; this class only names the calls and
 * says which are safe to repeat.
 */
export class ShipStationClient {
  constructor(private readonly http: UpstreamHttpClient) {}

  async carriers(): Promise<SsCarrier[]> {
    return (await this.http.call<SsCarrier[]>({ method: 'GET', path: '/carriers', endpoint: 'carriers', retry: 'safe' })).body;
  }

  async services(carrierCode: string): Promise<SsServiceOrPackage[]> {
    return (await this.http.call<SsServiceOrPackage[]>({ method: 'GET', path: '/carriers/listservices', query: { carrierCode }, endpoint: 'carriers/listservices', retry: 'safe' })).body;
  }

  async packages(carrierCode: string): Promise<SsServiceOrPackage[]> {
    return (await this.http.call<SsServiceOrPackage[]>({ method: 'GET', path: '/carriers/listpackages', query: { carrierCode }, endpoint: 'carriers/listpackages', retry: 'safe' })).body;
  }

  /** One carrier per call (§4). A quote buys nothing, so it is safe to repeat. */
  async rates(request: SsRateRequest): Promise<SsRate[]> {
    return (await this.http.call<SsRate[]>({ method: 'POST', path: '/shipments/getrates', body: request, endpoint: 'shipments/getrates', retry: 'safe' })).body;
  }

  /** Buys a label. Never retried here: after a lost answer the labels module reconciles (SPEC §5). */
  async createLabel(request: SsCreateLabelRequest, timeoutMs?: number): Promise<SsLabel> {
    return (await this.http.call<SsLabel>({ method: 'POST', path: '/shipments/createlabel', body: request, endpoint: 'shipments/createlabel', retry: 'never', timeoutMs })).body;
  }

  async createLabelForOrder(request: Omit<SsCreateLabelRequest, 'shipFrom' | 'shipTo'> & { orderId: number }, timeoutMs?: number): Promise<SsLabel> {
    return (await this.http.call<SsLabel>({ method: 'POST', path: '/orders/createlabelfororder', body: request, endpoint: 'orders/createlabelfororder', retry: 'never', timeoutMs })).body;
  }

  /** Voiding twice is harmless (the second answer is approved: false), so it may be retried. */
  async voidLabel(shipmentId: number): Promise<SsVoidResult> {
    return (await this.http.call<SsVoidResult>({ method: 'POST', path: '/shipments/voidlabel', body: { shipmentId }, endpoint: 'shipments/voidlabel', retry: 'safe' })).body;
  }

  async shipments(query: SsShipmentsQuery): Promise<ListEnvelope & { shipments: SsShipment[] }> {
    return (await this.http.call<ListEnvelope & { shipments: SsShipment[] }>({ method: 'GET', path: '/shipments', query: { ...query }, endpoint: 'shipments', retry: 'safe' })).body;
  }

  /** Upsert by orderKey (§6.2): repeating it converges, so it is safe to retry. */
  async createOrder(order: SsOrderInput): Promise<SsOrder> {
    return (await this.http.call<SsOrder>({ method: 'POST', path: '/orders/createorder', body: order, endpoint: 'orders/createorder', retry: 'safe' })).body;
  }

  async createOrders(orders: SsOrderInput[]): Promise<SsCreateOrdersResult> {
    if (orders.length > 100) throw new RangeError('createorders takes at most 100 orders per call');
    return (await this.http.call<SsCreateOrdersResult>({ method: 'POST', path: '/orders/createorders', body: orders, endpoint: 'orders/createorders', retry: 'safe' })).body;
  }

  async orders(query: Record<string, string | number | undefined>): Promise<ListEnvelope & { orders: SsOrder[] }> {
    return (await this.http.call<ListEnvelope & { orders: SsOrder[] }>({ method: 'GET', path: '/orders', query, endpoint: 'orders', retry: 'safe' })).body;
  }

  async order(orderId: number): Promise<SsOrder> {
    return (await this.http.call<SsOrder>({ method: 'GET', path: `/orders/${orderId}`, endpoint: 'orders/{id}', retry: 'safe' })).body;
  }

  async stores(): Promise<SsStore[]> {
    return (await this.http.call<SsStore[]>({ method: 'GET', path: '/stores', endpoint: 'stores', retry: 'safe' })).body;
  }

  async subscribeWebhook(body: { target_url: string; event: string; store_id?: number; friendly_name?: string }): Promise<{ id: number }> {
    return (await this.http.call<{ id: number }>({ method: 'POST', path: '/webhooks/subscribe', body, endpoint: 'webhooks/subscribe', retry: 'never' })).body;
  }

  async webhooks(): Promise<SsWebhook[]> {
    return (await this.http.call<{ webhooks: SsWebhook[] }>({ method: 'GET', path: '/webhooks', endpoint: 'webhooks', retry: 'safe' })).body.webhooks;
  }

  async deleteWebhook(id: number): Promise<void> {
    await this.http.call({ method: 'DELETE', path: `/webhooks/${id}`, endpoint: 'webhooks/{id}', retry: 'safe' });
  }
}
