import { toDearDateTime } from '../../common/time/upstream-time';
import { UpstreamCall, UpstreamHttpClient } from '../http/upstream-http-client';
import { UpstreamError } from '../upstream.errors';
import {
  DEAR_EMPTY_GUID, DearAdditionalCharge, DearAdditionalChargeWrite, DearCarrier, DearCarrierList, DearCountryFormat, DearFulfilmentList, DearGuid, DearInvoice, DearLocation,
  DearLocationList, DearMe, DearPackTask, DearPickTask, DearProduct, DearProductFamily, DearProductFamilyList, DearProductList,
  DearSale, DearSaleInvoices, DearSaleInvoiceWrite, DearSaleLine, DearSaleLineWrite, DearSaleListResponse, DearSaleOrder, DearSaleOrderResponse, DearSaleOrderWrite, DearShipTask,
  DearShipTrackingUpdate, DearShipWrite, DearWebhook, DearWebhookCreate, DearWebhookList, DearWebhookUpdate,
} from './dear.types';

/** dear.md §1.7: `Limit` is 1..1000. */
export const DEAR_MAX_LIMIT = 1000;

export interface DearSaleListQuery {
  page: number;
  limit: number;
  /** Strictly-after filter on `Updated` (§2.1); sync keeps a safe overlap (SPEC §6.1). */
  updatedSince?: Date;
  updatedUntil?: Date;
  createdSince?: Date;
  /** Substring of OrderNumber, Status, Customer, InvoiceNumber, CustomerReference… (§2.1). */
  search?: string;
  status?: string;
  orderStatus?: string;
  /** Filters `CombinedPackingStatus` (filter and field names differ, §2.1). */
  combinedPackStatus?: string;
  combinedShippingStatus?: string;
  /** Pack AUTHORISED and shipping not AUTHORISED (§2.1). */
  readyForShipping?: boolean;
  externalId?: string;
}

export interface DearProductQuery {
  page: number;
  limit: number;
  id?: string;
  sku?: string;
  name?: string;
  modifiedSince?: Date;
  includeDeprecated?: boolean;
  includeAttachments?: boolean;
}

export interface DearProductFamilyQuery {
  page: number;
  limit: number;
  id?: string;
  sku?: string;
  name?: string;
}

type Query = UpstreamCall['query'];

/**
 * DEAR / Cin7 Core API v2, one method per endpoint the SPEC needs. HTTP concerns (auth, budget,
 * retries, both error shapes) live in {@link UpstreamHttpClient}; this class names the calls,
 * shapes their parameters (PascalCase names and UTC dates, dear.md §1.1, §1.8) and says which
 * writes are safe to repeat.
 *
 * Identifiers go in the query for GET/DELETE and in the body for POST/PUT (§1.1).
 */
export class DearClient {
  constructor(private readonly http: UpstreamHttpClient) {}

  async me(): Promise<DearMe> {
    return this.get<DearMe>('/me');
  }

  // -------------------------------------------------------------------------------------------
  // Sales
  // -------------------------------------------------------------------------------------------

  /** Rows without lines (§2.1): one {@link sale} call per changed sale follows. */
  async saleList(q: DearSaleListQuery): Promise<DearSaleListResponse> {
    return this.get<DearSaleListResponse>('/saleList', {
      ...paging(q.page, q.limit),
      Search: q.search,
      UpdatedSince: q.updatedSince && toDearDateTime(q.updatedSince),
      UpdatedUntil: q.updatedUntil && toDearDateTime(q.updatedUntil),
      CreatedSince: q.createdSince && toDearDateTime(q.createdSince),
      Status: q.status,
      OrderStatus: q.orderStatus,
      CombinedPackStatus: q.combinedPackStatus,
      CombinedShippingStatus: q.combinedShippingStatus,
      ReadyForShipping: q.readyForShipping,
      ExternalID: q.externalId,
    });
  }

  /**
   * The whole sale (§2.2). `countryFormat: 'Code2'` asks for ISO alpha-2 countries (documented
   * `CountryFormat` parameter, §2.2; SPEC App. A "country").
   */
  /** An unknown sale is `not_found` (a 404 for our callers), although DEAR answers it with a 400 (§1.6). */
  async sale(id: DearGuid, opts: { countryFormat?: DearCountryFormat; combineAdditionalCharges?: boolean } = {}): Promise<DearSale> {
    try {
      return await this.get<DearSale>('/sale', { ID: id, CountryFormat: opts.countryFormat, CombineAdditionalCharges: opts.combineAdditionalCharges });
    } catch (error) {
      if (error instanceof UpstreamError && error.kind === 'rejected' && /not found/i.test(error.upstreamMessage)) {
        throw new UpstreamError('dear', 'not_found', error.upstreamStatus, error.upstreamMessage, { endpoint: 'sale' });
      }
      throw error;
    }
  }

  async fulfilment(saleId: DearGuid, opts: { includeProductInfo?: boolean } = {}): Promise<DearFulfilmentList> {
    return this.get<DearFulfilmentList>('/sale/fulfilment', { SaleID: saleId, IncludeProductInfo: opts.includeProductInfo });
  }

  async pick(taskId: DearGuid, opts: { includeProductInfo?: boolean } = {}): Promise<DearPickTask> {
    return this.get<DearPickTask>('/sale/fulfilment/pick', { TaskID: taskId, IncludeProductInfo: opts.includeProductInfo });
  }

  async pack(taskId: DearGuid, opts: { includeProductInfo?: boolean } = {}): Promise<DearPackTask> {
    return this.get<DearPackTask>('/sale/fulfilment/pack', { TaskID: taskId, IncludeProductInfo: opts.includeProductInfo });
  }

  async ship(taskId: DearGuid): Promise<DearShipTask> {
    return this.get<DearShipTask>('/sale/fulfilment/ship', { TaskID: taskId });
  }

  /**
   * Records shipment lines. retry 'safe': a stage POST replaces that stage's lines (§2, §9 #14),
   * so a repeat converges. If the first attempt landed and authorised the stage, the repeat is
   * refused (400, "already AUTHORISED") — the caller re-reads the ship stage instead.
   */
  async postShip(body: DearShipWrite): Promise<DearShipTask> {
    return this.write<DearShipTask>('POST', '/sale/fulfilment/ship', body, 'safe');
  }

  /**
   * Changes tracking numbers / carrier of an (authorised) shipment (§3.4). retry 'safe': lines are
   * edited in place (by `ID` or box), so a repeat writes the same values again.
   */
  async putShip(body: DearShipTrackingUpdate): Promise<DearShipTask> {
    return this.write<DearShipTask>('PUT', '/sale/fulfilment/ship', { ...body, AddTrackingNumbers: true }, 'safe');
  }

  async saleOrder(saleId: DearGuid, opts: { includeProductInfo?: boolean } = {}): Promise<DearSaleOrderResponse> {
    return this.get<DearSaleOrderResponse>('/sale/order', { SaleID: saleId, IncludeProductInfo: opts.includeProductInfo });
  }

  /** retry 'safe': the POST replaces the order's lines and charges (§2.4), a repeat converges. */
  async postSaleOrder(body: DearSaleOrderWrite): Promise<DearSaleOrderResponse> {
    return this.write<DearSaleOrderResponse>('POST', '/sale/order', body, 'safe');
  }

  async saleInvoice(saleId: DearGuid, opts: { includeProductInfo?: boolean } = {}): Promise<DearSaleInvoices> {
    return this.get<DearSaleInvoices>('/sale/invoice', { SaleID: saleId, IncludeProductInfo: opts.includeProductInfo });
  }

  /**
   * Writes an invoice's lines and charges. retry 'safe' when `TaskID` names an existing invoice
   * (the POST replaces its lines, §2.5); 'never' with the empty GUID, which creates a new invoice
   * task each time (§2.5) — a blind repeat could invoice twice.
   */
  async postSaleInvoice(body: DearSaleInvoiceWrite): Promise<DearSaleInvoices> {
    const creates = !body.TaskID || body.TaskID === DEAR_EMPTY_GUID;
    return this.write<DearSaleInvoices>('POST', '/sale/invoice', body, creates ? 'never' : 'safe');
  }

  // -------------------------------------------------------------------------------------------
  // Products and reference data
  // -------------------------------------------------------------------------------------------

  /** One product, or undefined. Images need `includeAttachments` (§5.1). */
  async product(id: DearGuid, opts: { includeAttachments?: boolean } = {}): Promise<DearProduct | undefined> {
    return (await this.products({ page: 1, limit: 1, id, includeAttachments: opts.includeAttachments })).Products[0];
  }

  /** Exact SKU match (`Sku=`, confirmed live by AH, §5.1), compared again here case-insensitively. */
  async productBySku(sku: string, opts: { includeAttachments?: boolean } = {}): Promise<DearProduct | undefined> {
    const page = await this.products({ page: 1, limit: 10, sku, includeAttachments: opts.includeAttachments });
    return page.Products.find((p) => p.SKU.toLowerCase() === sku.toLowerCase());
  }

  async products(q: DearProductQuery): Promise<DearProductList> {
    return this.get<DearProductList>('/product', {
      ...paging(q.page, q.limit),
      ID: q.id,
      Sku: q.sku,
      Name: q.name,
      ModifiedSince: q.modifiedSince && toDearDateTime(q.modifiedSince),
      IncludeDeprecated: q.includeDeprecated,
      IncludeAttachments: q.includeAttachments,
    });
  }

  async productFamily(id: DearGuid): Promise<DearProductFamily | undefined> {
    return (await this.productFamilies({ page: 1, limit: 1, id })).ProductFamilies[0];
  }

  async productFamilies(q: DearProductFamilyQuery): Promise<DearProductFamilyList> {
    return this.get<DearProductFamilyList>('/productFamily', { ...paging(q.page, q.limit), ID: q.id, Sku: q.sku, Name: q.name });
  }

  /** Every carrier (all pages, §7.1). */
  async carriers(): Promise<DearCarrier[]> {
    return this.all((page) => this.get<DearCarrierList>('/ref/carrier', paging(page, DEAR_MAX_LIMIT)), (r) => r.CarrierList);
  }

  /** Every location, bins included both inside `Bins` and as rows of their own (§5.4, §7.3). */
  async locations(opts: { includeDeprecated?: boolean } = {}): Promise<DearLocation[]> {
    return this.all((page) => this.get<DearLocationList>('/ref/location', { ...paging(page, DEAR_MAX_LIMIT), Deprecated: opts.includeDeprecated }), (r) => r.LocationList);
  }

  // -------------------------------------------------------------------------------------------
  // Webhooks (§6.1)
  // -------------------------------------------------------------------------------------------

  async webhooks(): Promise<DearWebhook[]> {
    return (await this.get<DearWebhookList>('/webhooks')).Webhooks;
  }

  /** retry 'never': each POST creates another webhook (new ID; at most 5 per Type, §6.1). */
  async createWebhook(body: DearWebhookCreate): Promise<DearWebhook> {
    return first(await this.write<DearWebhookList>('POST', '/webhooks', body, 'never'), 'POST');
  }

  /** retry 'safe': a PUT by `ID` sets the same values again. */
  async updateWebhook(body: DearWebhookUpdate): Promise<DearWebhook> {
    return first(await this.write<DearWebhookList>('PUT', '/webhooks', body, 'safe'), 'PUT');
  }

  /** retry 'safe': nothing is created; a repeat after a lost answer is refused as not found (400). */
  async deleteWebhook(id: DearGuid): Promise<void> {
    await this.http.call({ method: 'DELETE', path: '/webhooks', query: { ID: id }, endpoint: 'webhooks', retry: 'safe' });
  }

  // -------------------------------------------------------------------------------------------

  private async get<T>(path: string, query?: Query): Promise<T> {
    return (await this.http.call<T>({ method: 'GET', path, query, endpoint: path.slice(1), retry: 'safe' })).body;
  }

  private async write<T>(method: 'POST' | 'PUT', path: string, body: unknown, retry: 'safe' | 'never'): Promise<T> {
    return (await this.http.call<T>({ method, path, body, endpoint: path.slice(1), retry })).body;
  }

  private async all<R extends { Total: number }, T>(fetchPage: (page: number) => Promise<R>, rows: (r: R) => T[]): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const r = await fetchPage(page);
      const batch = rows(r) ?? [];
      out.push(...batch);
      if (batch.length === 0 || out.length >= r.Total) return out;
    }
  }
}

/**
 * The write body for re-posting an invoice read from DEAR (read, change, write the whole set —
 * a POST replaces the lines, SPEC App. A). Read-only and product-info fields are dropped.
 */
export function invoiceWriteBody(saleId: DearGuid, inv: DearInvoice, change: Partial<Pick<DearSaleInvoiceWrite, 'AdditionalCharges' | 'Status' | 'Memo'>> = {}): DearSaleInvoiceWrite {
  return {
    SaleID: saleId,
    TaskID: inv.TaskID,
    Status: change.Status ?? 'DRAFT',
    Memo: change.Memo ?? inv.Memo ?? '',
    ...(inv.InvoiceDate ? { InvoiceDate: inv.InvoiceDate } : {}),
    ...(inv.InvoiceDueDate ? { InvoiceDueDate: inv.InvoiceDueDate } : {}),
    ...(inv.LinkedFulfillmentNumber ? { LinkedFulfillmentNumber: String(inv.LinkedFulfillmentNumber) } : {}),
    Lines: inv.Lines.map((l) => saleLineWrite(l, 'invoice')),
    AdditionalCharges: change.AdditionalCharges ?? inv.AdditionalCharges.map(additionalChargeWrite),
  };
}

/** The order as read, in its write form, with the given charges (a POST replaces both sets, §2.4). */
export function orderWriteBody(saleId: DearGuid, order: DearSaleOrder, charges: DearAdditionalChargeWrite[]): DearSaleOrderWrite {
  return { SaleID: saleId, Status: 'DRAFT', Memo: order.Memo ?? '', Lines: order.Lines.map((l) => saleLineWrite(l, 'order')), AdditionalCharges: charges };
}

/** A quote/order/invoice line as read, in its write form (a stage POST must resend every line). */
export function saleLineWrite(l: DearSaleLine, stage: 'order' | 'invoice'): DearSaleLineWrite {
  return {
    ProductID: l.ProductID,
    SKU: l.SKU,
    Name: l.Name,
    Quantity: l.Quantity,
    Price: l.Price,
    Discount: l.Discount,
    Tax: l.Tax,
    TaxRule: l.TaxRule,
    // Account belongs to invoice lines, DropShip to order lines (§2.4, §2.5).
    ...(stage === 'invoice' && l.Account !== undefined ? { Account: l.Account } : {}),
    ...(l.Comment !== undefined ? { Comment: l.Comment } : {}),
    ...(stage === 'order' && l.DropShip !== undefined ? { DropShip: l.DropShip } : {}),
    Total: l.Total,
  };
}

/** An additional charge as read, in its write form (for "read, append, write the whole set"). */
export function additionalChargeWrite(c: DearAdditionalCharge): DearAdditionalChargeWrite {
  return {
    Description: c.Description,
    Price: c.Price,
    Quantity: c.Quantity,
    Discount: c.Discount,
    Tax: c.Tax,
    TaxRule: c.TaxRule,
    ...(c.Account !== undefined ? { Account: c.Account } : {}),
    ...(c.Comment !== undefined ? { Comment: c.Comment } : {}),
    Total: c.Total,
  };
}

function paging(page: number, limit: number): { Page: number; Limit: number } {
  if (!Number.isInteger(page) || page < 1) throw new RangeError('DEAR Page is 1-based');
  if (!Number.isInteger(limit) || limit < 1 || limit > DEAR_MAX_LIMIT) throw new RangeError(`DEAR Limit is 1..${DEAR_MAX_LIMIT} (dear.md §1.7)`);
  return { Page: page, Limit: limit };
}

function first(list: DearWebhookList, method: string): DearWebhook {
  const w = list?.Webhooks?.[0];
  if (!w) throw new UpstreamError('dear', 'failed', 200, `${method} /webhooks answered without the webhook`, { endpoint: 'webhooks' });
  return w;
}
