/* eslint-disable */
/* tslint:disable */
// @ts-nocheck
/*
 * ---------------------------------------------------------------
 * ## THIS FILE WAS GENERATED VIA SWAGGER-TYPESCRIPT-API        ##
 * ##                                                           ##
 * ## AUTHOR: acacode                                           ##
 * ## SOURCE: https://github.com/acacode/swagger-typescript-api ##
 * ---------------------------------------------------------------
 */

export interface LiveDto {
  /** @example "ok" */
  status: string;
}

export interface ReadyChecksDto {
  database: "up" | "down";
  jobs: "up" | "down";
}

export interface ReadyDto {
  status: "ok" | "unavailable";
  checks: ReadyChecksDto;
}

export interface FieldErrorDto {
  /** @example "dear.accountId" */
  field: string;
  /** @example "must be a string" */
  message: string;
}

export interface UpstreamInfoDto {
  system: "shipstation" | "dear";
  /** @example 400 */
  status?: number;
  /** @example "The request is invalid." */
  message: string;
}

export interface ProblemDetailsDto {
  /** @example "https://docs.dear-shipstation-bridge.dev/problems/validation_failed" */
  type: string;
  /** @example "Validation failed" */
  title: string;
  /** @example 400 */
  status: number;
  /** @example "The request is not valid." */
  detail?: string;
  /**
   * Stable machine-readable error code.
   * @example "validation_failed"
   */
  code: string;
  errors?: FieldErrorDto[];
  upstream?: UpstreamInfoDto;
  /** @example "6f1c2f0e-3f55-4d7c-9b0e-55d1a1e6c4a2" */
  requestId: string;
}

export interface CreateApiKeyDto {
  /**
   * @maxLength 100
   * @example "warehouse-app"
   */
  name: string;
}

export interface CreatedApiKeyDto {
  /** @format uuid */
  id: string;
  /** @example "warehouse-app" */
  name: string;
  /**
   * The public start of the key, to recognise it.
   * @example "dsb_a1b2c3d4e5f6_…"
   */
  prefix: string;
  /** @format date-time */
  createdAt: string;
  /** @format date-time */
  lastUsedAt: string | null;
  /** The key itself. Shown only in this answer; store it now. */
  key: string;
}

export interface ApiKeyDto {
  /** @format uuid */
  id: string;
  /** @example "warehouse-app" */
  name: string;
  /**
   * The public start of the key, to recognise it.
   * @example "dsb_a1b2c3d4e5f6_…"
   */
  prefix: string;
  /** @format date-time */
  createdAt: string;
  /** @format date-time */
  lastUsedAt: string | null;
}

export interface ApiKeyListDto {
  data: ApiKeyDto[];
  /** Always null: keys are few and listed whole. */
  nextCursor: string | null;
}

export interface DearCredentialsDto {
  /** @example "1b2c3d4e-0000-4000-8000-000000000001" */
  accountId: string;
  /** @example "dear-application-key" */
  applicationKey: string;
  /** @example "https://inventory.dearsystems.com/ExternalApi/v2" */
  baseUrl?: string;
}

export interface ShipStationCredentialsDto {
  /** @example "shipstation-api-key" */
  apiKey: string;
  /** @example "shipstation-api-secret" */
  apiSecret: string;
  /** @example "https://ssapi.shipstation.com" */
  baseUrl?: string;
}

export interface AddressDto {
  /** @example "Acme Warehouse" */
  name: string;
  /** @example "Acme Inc." */
  company?: string;
  /** @example "500 Congress Ave" */
  street1: string;
  street2?: string;
  street3?: string;
  /** @example "Austin" */
  city: string;
  /** @example "TX" */
  state: string;
  /** @example "78701" */
  postalCode: string;
  /**
   * ISO 3166-1 alpha-2
   * @example "US"
   */
  country: string;
  /** @example "+1 512 555 0100" */
  phone?: string;
  /** @example "ops@acme.test" */
  email?: string;
  residential?: boolean;
}

export interface FreightDto {
  mode: "none" | "invoice_charge" | "order_charge";
  /**
   * DEAR service product used for the charge
   * @example "Freight"
   */
  productName?: string;
}

export interface ShippingServiceDto {
  /** @default true */
  enabled?: boolean;
  shipFrom?: AddressDto;
  /**
   * @default "USD"
   * @example "USD"
   */
  currency?: string;
  freight?: FreightDto;
  /**
   * ShipStation carrier code → DEAR carrier name
   * @example {"ups":"UPS"}
   */
  carrierNames?: Record<string, string>;
  /** @example {"ups":"https://www.ups.com/track?tracknum={trackingNumber}"} */
  trackingUrlTemplates?: Record<string, string>;
}

export interface CustomStoreCredentialsDto {
  /** @example "acme-us" */
  username: string;
  password: string;
}

export interface OrderSyncDto {
  /** @default "none" */
  mode?: "none" | "custom_store" | "shipstation_store";
  /** @default "packed" */
  exportAt?: "packed" | "order_authorised";
  /**
   * Backfill start; default 30 days before creation
   * @example "2026-10-01T00:00:00Z"
   */
  since?: string;
  /** @example {"unpaid":"awaiting_shipment"} */
  statusMapping?: Record<
    string,
    | "awaiting_payment"
    | "awaiting_shipment"
    | "shipped"
    | "on_hold"
    | "cancelled"
  >;
  customStore?: CustomStoreCredentialsDto;
}

export interface FieldMappingDto {
  /** @example "AdditionalAttribute1" */
  giftAttribute?: string;
  /** @example "AdditionalAttribute2" */
  giftMessageAttribute?: string;
  /**
   * payment_account | terms | attribute:AdditionalAttributeN
   * @example "payment_account"
   */
  paymentMethod?: string;
}

export interface LimitsDto {
  /**
   * ShipStation requests per minute for this key pair
   * @default 40
   */
  shipstationPerMinute?: number;
  /**
   * DEAR calls per minute for this account
   * @default 60
   */
  dearPerMinute?: number;
}

export interface CreateConnectionDto {
  /** @example "Acme US" */
  name: string;
  dear: DearCredentialsDto;
  shipstation: ShipStationCredentialsDto;
  shippingService?: ShippingServiceDto;
  orderSync?: OrderSyncDto;
  fieldMapping?: FieldMappingDto;
  limits?: LimitsDto;
}

export interface DearCredentialsViewDto {
  accountId: string;
  /**
   * Redacted: last four characters only
   * @example "****x9f2"
   */
  applicationKey: string;
  baseUrl: string;
}

export interface ShipStationCredentialsViewDto {
  /** @example "****a1b2" */
  apiKey: string;
  /** @example "****c3d4" */
  apiSecret: string;
  baseUrl: string;
}

export interface ShippingServiceViewDto {
  enabled: boolean;
  shipFrom?: AddressDto;
  /** @example "USD" */
  currency: string;
  freight: FreightDto;
  carrierNames: Record<string, string>;
  trackingUrlTemplates: Record<string, string>;
}

export interface CustomStoreViewDto {
  username: string;
  /** @example "****e5f6" */
  password: string;
}

export interface OrderSyncViewDto {
  mode: "none" | "custom_store" | "shipstation_store";
  exportAt: "packed" | "order_authorised";
  /** @format date-time */
  since: string;
  statusMapping: Record<string, string>;
  customStore?: CustomStoreViewDto | null;
}

export interface ConnectionDto {
  /** @format uuid */
  id: string;
  name: string;
  /** True for the connection `npm start` creates for the simulators */
  sandbox: boolean;
  dear: DearCredentialsViewDto;
  shipstation: ShipStationCredentialsViewDto;
  shippingService: ShippingServiceViewDto;
  orderSync: OrderSyncViewDto;
  fieldMapping: FieldMappingDto;
  limits: LimitsDto;
  /** @format date-time */
  createdAt: string;
  /** @format date-time */
  updatedAt: string;
}

export interface ConnectionListDto {
  data: ConnectionDto[];
  nextCursor: string | null;
}

export interface PatchDearCredentialsDto {
  /** @example "1b2c3d4e-0000-4000-8000-000000000001" */
  accountId?: string;
  /** @example "dear-application-key" */
  applicationKey?: string;
  /** @example "https://inventory.dearsystems.com/ExternalApi/v2" */
  baseUrl?: string;
}

export interface PatchShipStationCredentialsDto {
  /** @example "shipstation-api-key" */
  apiKey?: string;
  /** @example "shipstation-api-secret" */
  apiSecret?: string;
  /** @example "https://ssapi.shipstation.com" */
  baseUrl?: string;
}

export interface UpdateConnectionDto {
  /** @example "Acme US" */
  name?: string;
  dear?: PatchDearCredentialsDto;
  shipstation?: PatchShipStationCredentialsDto;
  shippingService?: ShippingServiceDto;
  orderSync?: OrderSyncDto;
  fieldMapping?: FieldMappingDto;
  limits?: LimitsDto;
}

export interface VerifyErrorDto {
  /** @example "upstream_unauthorized" */
  code: string;
  /** @example 403 */
  status?: number;
  /**
   * The upstream's own message
   * @example "Incorrect credentials!"
   */
  message: string;
}

export interface VerifySideDto {
  ok: boolean;
  /**
   * What the upstream said about the account when it worked
   * @example "Acme Trading Ltd"
   */
  detail?: string;
  error?: VerifyErrorDto;
}

export interface VerifyResultDto {
  /** True when both sides answered */
  ok: boolean;
  /** DEAR GET /me */
  dear: VerifySideDto;
  /** ShipStation GET /carriers */
  shipstation: VerifySideDto;
}

export interface CarrierOptionDto {
  /** @example "usps_priority_mail" */
  code: string;
  /** @example "USPS Priority Mail" */
  name: string;
  domestic: boolean;
  international: boolean;
}

export interface CarrierDto {
  /** @example "stamps_com" */
  code: string;
  /** @example "Stamps.com" */
  name: string;
  nickname: string | null;
  primary: boolean;
  services: CarrierOptionDto[];
  packages: CarrierOptionDto[];
}

export interface CarrierListDto {
  data: CarrierDto[];
  /** Always null: a connection has few carriers */
  nextCursor: string | null;
  /**
   * When the list was fetched from ShipStation
   * @format date-time
   */
  fetchedAt: string;
}

export interface WeightDto {
  /**
   * @min 0
   * @exclusiveMin true
   * @example 2.5
   */
  value: number;
  /** @example "lb" */
  unit: "oz" | "lb" | "g" | "kg";
}

export interface DimensionsDto {
  /** @example 12 */
  length: number;
  /** @example 8 */
  width: number;
  /** @example 4 */
  height: number;
  /** @example "in" */
  unit: "in" | "cm";
}

export interface PackageDto {
  weight: WeightDto;
  dimensions?: DimensionsDto;
}

export interface ShipmentDto {
  /** Defaults to the connection's shippingService.shipFrom */
  shipFrom?: AddressDto;
  shipTo: AddressDto;
  /**
   * @maxItems 20
   * @minItems 1
   */
  packages: PackageDto[];
  residential?: boolean;
  confirmation?:
    | "none"
    | "delivery"
    | "signature"
    | "adult_signature"
    | "direct_signature";
}

export interface RatesRequestDto {
  /** @format uuid */
  connectionId: string;
  /**
   * A DEAR sale: ship-to from its shipping address, parcels from its
   * packed boxes
   * @format uuid
   */
  saleId?: string;
  /**
   * For advanced sales: the fulfilment whose boxes to rate
   * @format uuid
   */
  fulfilmentTaskId?: string;
  shipment?: ShipmentDto;
  /**
   * ShipStation package code; default `package`
   * @example "package"
   */
  packageCode?: string;
  /** @example ["stamps_com","ups"] */
  carrierCodes?: string[];
  /** @example ["usps_priority_mail"] */
  serviceCodes?: string[];
}

export interface RateDto {
  /**
   * Hand to POST /v1/labels before expiresAt
   * @example "3f2a…:0"
   */
  rateId: string;
  /** @example "stamps_com" */
  carrierCode: string;
  /** @example "Stamps.com" */
  carrierName: string;
  /** @example "usps_priority_mail" */
  serviceCode: string;
  /** @example "USPS Priority Mail" */
  serviceName: string;
  /** @example "package" */
  packageCode: string;
  /**
   * Base postage, two decimals
   * @example "8.25"
   */
  shipmentCost: string;
  /**
   * Surcharges
   * @example "0.33"
   */
  otherCost: string;
  /** @example "8.58" */
  totalCost: string;
  /** @example "USD" */
  currency: string;
}

export interface RateErrorDto {
  /** @example "ups" */
  carrierCode: string;
  /** @example "upstream_rejected" */
  code: string;
  /** @example "No applicable services were available for the configured shipment" */
  message: string;
}

export interface QuoteDto {
  /** @format uuid */
  quoteId: string;
  /** @format date-time */
  expiresAt: string;
  /** Sorted by totalCost, cheapest first */
  rates: RateDto[];
  /** Carriers that could not quote; the answer is partial */
  errors: RateErrorDto[];
}

export interface InsuranceDto {
  provider: "shipsurance" | "carrier" | "provider" | "xcover" | "parcelguard";
  /**
   * Declared value, decimal string
   * @example "100.00"
   */
  insuredValue: string;
}

export interface PurchaseLabelDto {
  /** @format uuid */
  connectionId: string;
  /**
   * A rate from POST /v1/rates, before its quote expires
   * @example "5b0c1f3e-…:0"
   */
  rateId?: string;
  /** @example "stamps_com" */
  carrierCode?: string;
  /** @example "usps_priority_mail" */
  serviceCode?: string;
  /** @example "package" */
  packageCode?: string;
  /**
   * The DEAR sale the label is for
   * @format uuid
   */
  saleId?: string;
  /**
   * For advanced sales: the fulfilment
   * @format uuid
   */
  fulfilmentTaskId?: string;
  /**
   * The packed box (DEAR box name)
   * @example "Box 1"
   */
  box?: string;
  /** An explicit one-package shipment instead of a sale */
  shipment?: ShipmentDto;
  /**
   * Default today (Pacific time, as ShipStation counts days)
   * @example "2026-11-27"
   */
  shipDate?: string;
  /** @default false */
  testLabel?: boolean;
  confirmation?:
    | "none"
    | "delivery"
    | "signature"
    | "adult_signature"
    | "direct_signature";
  insurance?: InsuranceDto;
  /**
   * Notes to the buyer, written to the DEAR ship stage's ShippingNotes
   * @example "Leave at the back door."
   */
  notesToBuyer?: string;
  /**
   * Buy although the sale box already has an active label
   * @default false
   */
  allowAdditional?: boolean;
}

export interface WriteBackDto {
  status: "pending" | "done" | "failed" | "not_applicable";
  attempts: number;
  lastError: string | null;
  /** @format date-time */
  completedAt: string | null;
  /** What was written to DEAR (ship line, freight, void correction) */
  outcome?: Record<string, string>;
}

export interface LabelDto {
  /** @format uuid */
  id: string;
  /** `pending` while a lost purchase answer is being reconciled */
  status: "pending" | "purchased" | "voided" | "failed";
  /** @format uuid */
  connectionId: string;
  saleId: string | null;
  fulfilmentTaskId: string | null;
  box: string | null;
  carrierCode: string;
  serviceCode: string;
  packageCode: string;
  trackingNumber: string | null;
  /** @example "8.58" */
  shipmentCost: string | null;
  /** @example "0.00" */
  insuranceCost: string | null;
  /** @example "USD" */
  currency: string;
  shipstationShipmentId: string | null;
  /** GET it for the PDF; null when ShipStation gave none back */
  documentUrl: string | null;
  testLabel: boolean;
  lastError: string | null;
  /** @format date-time */
  createdAt: string;
  /** @format date-time */
  purchasedAt: string | null;
  /** @format date-time */
  voidedAt: string | null;
  writeBack: WriteBackDto;
}

export interface LabelListDto {
  data: LabelDto[];
  nextCursor: string | null;
}

export type QueryParamsType = Record<string | number, any>;
export type ResponseFormat = keyof Omit<Body, "body" | "bodyUsed">;

export interface FullRequestParams extends Omit<RequestInit, "body"> {
  /** set parameter to `true` for call `securityWorker` for this request */
  secure?: boolean;
  /** request path */
  path: string;
  /** content type of request body */
  type?: ContentType;
  /** query params */
  query?: QueryParamsType;
  /** format of response (i.e. response.json() -> format: "json") */
  format?: ResponseFormat;
  /** request body */
  body?: unknown;
  /** base url */
  baseUrl?: string;
  /** request cancellation token */
  cancelToken?: CancelToken;
}

export type RequestParams = Omit<
  FullRequestParams,
  "body" | "method" | "query" | "path"
>;

export interface ApiConfig<SecurityDataType = unknown> {
  baseUrl?: string;
  baseApiParams?: Omit<RequestParams, "baseUrl" | "cancelToken" | "signal">;
  securityWorker?: (
    securityData: SecurityDataType | null,
  ) => Promise<RequestParams | void> | RequestParams | void;
  customFetch?: typeof fetch;
}

export interface HttpResponse<D extends unknown, E extends unknown = unknown>
  extends Response {
  data: D;
  error: E;
}

type CancelToken = Symbol | string | number;

export enum ContentType {
  Json = "application/json",
  JsonApi = "application/vnd.api+json",
  FormData = "multipart/form-data",
  UrlEncoded = "application/x-www-form-urlencoded",
  Text = "text/plain",
}

export class HttpClient<SecurityDataType = unknown> {
  public baseUrl: string = "";
  private securityData: SecurityDataType | null = null;
  private securityWorker?: ApiConfig<SecurityDataType>["securityWorker"];
  private abortControllers = new Map<CancelToken, AbortController>();
  private customFetch = (...fetchParams: Parameters<typeof fetch>) =>
    fetch(...fetchParams);

  private baseApiParams: RequestParams = {
    credentials: "same-origin",
    headers: {},
    redirect: "follow",
    referrerPolicy: "no-referrer",
  };

  constructor(apiConfig: ApiConfig<SecurityDataType> = {}) {
    Object.assign(this, apiConfig);
  }

  public setSecurityData = (data: SecurityDataType | null) => {
    this.securityData = data;
  };

  protected encodeQueryParam(key: string, value: any) {
    const encodedKey = encodeURIComponent(key);
    return `${encodedKey}=${encodeURIComponent(typeof value === "number" ? value : `${value}`)}`;
  }

  protected addQueryParam(query: QueryParamsType, key: string) {
    return this.encodeQueryParam(key, query[key]);
  }

  protected addArrayQueryParam(query: QueryParamsType, key: string) {
    const value = query[key];
    return value.map((v: any) => this.encodeQueryParam(key, v)).join("&");
  }

  protected toQueryString(rawQuery?: QueryParamsType): string {
    const query = rawQuery || {};
    const keys = Object.keys(query).filter(
      (key) => "undefined" !== typeof query[key],
    );
    return keys
      .map((key) =>
        Array.isArray(query[key])
          ? this.addArrayQueryParam(query, key)
          : this.addQueryParam(query, key),
      )
      .join("&");
  }

  protected addQueryParams(rawQuery?: QueryParamsType): string {
    const queryString = this.toQueryString(rawQuery);
    return queryString ? `?${queryString}` : "";
  }

  private contentFormatters: Record<ContentType, (input: any) => any> = {
    [ContentType.Json]: (input: any) =>
      input !== null && (typeof input === "object" || typeof input === "string")
        ? JSON.stringify(input)
        : input,
    [ContentType.JsonApi]: (input: any) =>
      input !== null && (typeof input === "object" || typeof input === "string")
        ? JSON.stringify(input)
        : input,
    [ContentType.Text]: (input: any) =>
      input !== null && typeof input !== "string"
        ? JSON.stringify(input)
        : input,
    [ContentType.FormData]: (input: any) => {
      if (input instanceof FormData) {
        return input;
      }

      return Object.keys(input || {}).reduce((formData, key) => {
        const property = input[key];
        formData.append(
          key,
          property instanceof Blob
            ? property
            : typeof property === "object" && property !== null
              ? JSON.stringify(property)
              : `${property}`,
        );
        return formData;
      }, new FormData());
    },
    [ContentType.UrlEncoded]: (input: any) => this.toQueryString(input),
  };

  protected mergeRequestParams(
    params1: RequestParams,
    params2?: RequestParams,
  ): RequestParams {
    return {
      ...this.baseApiParams,
      ...params1,
      ...(params2 || {}),
      headers: {
        ...(this.baseApiParams.headers || {}),
        ...(params1.headers || {}),
        ...((params2 && params2.headers) || {}),
      },
    };
  }

  protected createAbortSignal = (
    cancelToken: CancelToken,
  ): AbortSignal | undefined => {
    if (this.abortControllers.has(cancelToken)) {
      const abortController = this.abortControllers.get(cancelToken);
      if (abortController) {
        return abortController.signal;
      }
      return void 0;
    }

    const abortController = new AbortController();
    this.abortControllers.set(cancelToken, abortController);
    return abortController.signal;
  };

  public abortRequest = (cancelToken: CancelToken) => {
    const abortController = this.abortControllers.get(cancelToken);

    if (abortController) {
      abortController.abort();
      this.abortControllers.delete(cancelToken);
    }
  };

  public request = async <T = any, E = any>({
    body,
    secure,
    path,
    type,
    query,
    format,
    baseUrl,
    cancelToken,
    ...params
  }: FullRequestParams): Promise<HttpResponse<T, E>> => {
    const secureParams =
      ((typeof secure === "boolean" ? secure : this.baseApiParams.secure) &&
        this.securityWorker &&
        (await this.securityWorker(this.securityData))) ||
      {};
    const requestParams = this.mergeRequestParams(params, secureParams);
    const queryString = query && this.toQueryString(query);
    const payloadFormatter = this.contentFormatters[type || ContentType.Json];
    const responseFormat = format || requestParams.format;

    return this.customFetch(
      `${baseUrl || this.baseUrl || ""}${path}${queryString ? `?${queryString}` : ""}`,
      {
        ...requestParams,
        headers: {
          ...(requestParams.headers || {}),
          ...(type && type !== ContentType.FormData
            ? { "Content-Type": type }
            : {}),
        },
        signal:
          (cancelToken
            ? this.createAbortSignal(cancelToken)
            : requestParams.signal) || null,
        body:
          typeof body === "undefined" || body === null
            ? null
            : payloadFormatter(body),
      },
    ).then(async (response) => {
      const r = response as HttpResponse<T, E>;
      r.data = null as unknown as T;
      r.error = null as unknown as E;

      const responseToParse = responseFormat ? response.clone() : response;
      const data = !responseFormat
        ? r
        : await responseToParse[responseFormat]()
            .then((data) => {
              if (r.ok) {
                r.data = data;
              } else {
                r.error = data;
              }
              return r;
            })
            .catch((e) => {
              r.error = e;
              return r;
            });

      if (cancelToken) {
        this.abortControllers.delete(cancelToken);
      }

      if (!response.ok) throw data;
      return data;
    });
  };
}

/**
 * @title DEAR ⇄ ShipStation bridge
 * @version 0.1.0
 * @contact
 *
 * Shipping rates and labels through ShipStation for DEAR Inventory (Cin7 Core) sales, and store-style order sync. Errors are application/problem+json with a stable `code`. See SPEC.md for the contract.
 */
export class Api<
  SecurityDataType extends unknown,
> extends HttpClient<SecurityDataType> {
  health = {
    /**
     * No description
     *
     * @tags operations
     * @name HealthLive
     * @summary Liveness: the process answers
     * @request GET:/health/live
     */
    healthLive: (params: RequestParams = {}) =>
      this.request<LiveDto, any>({
        path: `/health/live`,
        method: "GET",
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags operations
     * @name HealthReady
     * @summary Readiness: the database answers and the job queue runs
     * @request GET:/health/ready
     */
    healthReady: (params: RequestParams = {}) =>
      this.request<ReadyDto, ReadyDto>({
        path: `/health/ready`,
        method: "GET",
        format: "json",
        ...params,
      }),
  };
  metrics = {
    /**
     * No description
     *
     * @tags operations
     * @name MetricsScrape
     * @summary Prometheus metrics
     * @request GET:/metrics
     */
    metricsScrape: (params: RequestParams = {}) =>
      this.request<string, any>({
        path: `/metrics`,
        method: "GET",
        ...params,
      }),
  };
  v1 = {
    /**
     * No description
     *
     * @tags api-keys
     * @name ApiKeysCreate
     * @summary Create a named API key (admin only); the key is shown once
     * @request POST:/v1/api-keys
     * @secure
     */
    apiKeysCreate: (data: CreateApiKeyDto, params: RequestParams = {}) =>
      this.request<CreatedApiKeyDto, ProblemDetailsDto>({
        path: `/v1/api-keys`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags api-keys
     * @name ApiKeysList
     * @summary List active API keys (admin only)
     * @request GET:/v1/api-keys
     * @secure
     */
    apiKeysList: (params: RequestParams = {}) =>
      this.request<ApiKeyListDto, ProblemDetailsDto>({
        path: `/v1/api-keys`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags api-keys
     * @name ApiKeysRevoke
     * @summary Revoke an API key (admin only)
     * @request DELETE:/v1/api-keys/{id}
     * @secure
     */
    apiKeysRevoke: (id: string, params: RequestParams = {}) =>
      this.request<void, ProblemDetailsDto>({
        path: `/v1/api-keys/${id}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags connections
     * @name ConnectionsCreate
     * @summary Connect a DEAR organisation with a ShipStation account
     * @request POST:/v1/connections
     * @secure
     */
    connectionsCreate: (
      data: CreateConnectionDto,
      params: RequestParams = {},
    ) =>
      this.request<ConnectionDto, ProblemDetailsDto>({
        path: `/v1/connections`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags connections
     * @name ConnectionsList
     * @summary List connections
     * @request GET:/v1/connections
     * @secure
     */
    connectionsList: (
      query?: {
        /**
         * @min 1
         * @max 200
         * @default 50
         */
        limit?: number;
        /** Opaque cursor from the previous page */
        cursor?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<ConnectionListDto, ProblemDetailsDto>({
        path: `/v1/connections`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags connections
     * @name ConnectionsGet
     * @summary Get a connection (secrets redacted)
     * @request GET:/v1/connections/{id}
     * @secure
     */
    connectionsGet: (id: string, params: RequestParams = {}) =>
      this.request<ConnectionDto, ProblemDetailsDto>({
        path: `/v1/connections/${id}`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags connections
     * @name ConnectionsUpdate
     * @summary Change a connection; nested objects are merged field by field
     * @request PATCH:/v1/connections/{id}
     * @secure
     */
    connectionsUpdate: (
      id: string,
      data: UpdateConnectionDto,
      params: RequestParams = {},
    ) =>
      this.request<ConnectionDto, ProblemDetailsDto>({
        path: `/v1/connections/${id}`,
        method: "PATCH",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags connections
     * @name ConnectionsRemove
     * @summary Delete a connection
     * @request DELETE:/v1/connections/{id}
     * @secure
     */
    connectionsRemove: (id: string, params: RequestParams = {}) =>
      this.request<void, ProblemDetailsDto>({
        path: `/v1/connections/${id}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags connections
     * @name ConnectionVerifyVerify
     * @summary Check the connection: DEAR /me and ShipStation /carriers, each side reported separately
     * @request POST:/v1/connections/{id}/verify
     * @secure
     */
    connectionVerifyVerify: (id: string, params: RequestParams = {}) =>
      this.request<VerifyResultDto, ProblemDetailsDto>({
        path: `/v1/connections/${id}/verify`,
        method: "POST",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags connections
     * @name CarriersList
     * @summary List the connection's ShipStation carriers with their services and packages (cached)
     * @request GET:/v1/connections/{id}/carriers
     * @secure
     */
    carriersList: (
      id: string,
      query?: {
        /**
         * Fetch from ShipStation again instead of the cache
         * @default false
         */
        refresh?: boolean;
      },
      params: RequestParams = {},
    ) =>
      this.request<CarrierListDto, ProblemDetailsDto>({
        path: `/v1/connections/${id}/carriers`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * @description Exactly one of `saleId` or `shipment`. One carrier failing gives a partial answer with an entry in `errors`. Rates are sorted by totalCost; identical requests within the quote lifetime (5 minutes) are served from the cache.
     *
     * @tags rates
     * @name RatesQuote
     * @summary Quote shipping rates from every connected carrier for an explicit shipment or a DEAR sale
     * @request POST:/v1/rates
     * @secure
     */
    ratesQuote: (data: RatesRequestDto, params: RequestParams = {}) =>
      this.request<QuoteDto, ProblemDetailsDto>({
        path: `/v1/rates`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * @description Idempotent with `Idempotency-Key`. A sale box with an active label answers 409 with it unless `allowAdditional`. If ShipStation’s answer is lost, the label is looked up rather than bought again: 202 with status `pending` until it is settled.
     *
     * @tags labels
     * @name LabelsPurchase
     * @summary Buy a label through ShipStation for a DEAR sale box or an explicit shipment
     * @request POST:/v1/labels
     * @secure
     */
    labelsPurchase: (data: PurchaseLabelDto, params: RequestParams = {}) =>
      this.request<LabelDto, ProblemDetailsDto>({
        path: `/v1/labels`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags labels
     * @name LabelsList
     * @summary List labels (filters, cursor pagination)
     * @request GET:/v1/labels
     * @secure
     */
    labelsList: (
      query?: {
        /**
         * @min 1
         * @max 200
         * @default 50
         */
        limit?: number;
        /** Opaque cursor from the previous page */
        cursor?: string;
        /** @format uuid */
        connectionId?: string;
        /** @format uuid */
        saleId?: string;
        status?: "pending" | "purchased" | "voided" | "failed";
        /**
         * Created at or after
         * @format date-time
         */
        createdFrom?: string;
        /**
         * Created before
         * @format date-time
         */
        createdTo?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<LabelListDto, ProblemDetailsDto>({
        path: `/v1/labels`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags labels
     * @name LabelsGet
     * @summary Get a label with its DEAR write-back state
     * @request GET:/v1/labels/{id}
     * @secure
     */
    labelsGet: (id: string, params: RequestParams = {}) =>
      this.request<LabelDto, ProblemDetailsDto>({
        path: `/v1/labels/${id}`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags labels
     * @name LabelsDocument
     * @summary The label PDF
     * @request GET:/v1/labels/{id}/document
     * @secure
     */
    labelsDocument: (id: string, params: RequestParams = {}) =>
      this.request<Blob, ProblemDetailsDto>({
        path: `/v1/labels/${id}/document`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags labels
     * @name LabelsVoid
     * @summary Void a label in ShipStation; DEAR is corrected in the background
     * @request POST:/v1/labels/{id}/void
     * @secure
     */
    labelsVoid: (id: string, params: RequestParams = {}) =>
      this.request<LabelDto, ProblemDetailsDto>({
        path: `/v1/labels/${id}/void`,
        method: "POST",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags labels
     * @name LabelsRetryWriteBack
     * @summary Try the DEAR write-back again after it failed
     * @request POST:/v1/labels/{id}/write-back/retry
     * @secure
     */
    labelsRetryWriteBack: (id: string, params: RequestParams = {}) =>
      this.request<LabelDto, ProblemDetailsDto>({
        path: `/v1/labels/${id}/write-back/retry`,
        method: "POST",
        secure: true,
        format: "json",
        ...params,
      }),
  };
}
