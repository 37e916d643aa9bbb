import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Errors, FieldError } from '../common/errors/domain-error';
import { addMoney, formatMoney } from '../common/money/money';
import { CarriersService } from '../carriers/carriers.service';
import { CarrierInfo } from '../carriers/carrier-catalog';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ConnectionEntity } from '../connections/entities/connection.entity';
import { DearClient } from '../upstream/dear/dear.client';
import { UpstreamClients } from '../upstream/upstream-clients.service';
import { ShipStationClient } from '../upstream/shipstation/shipstation.client';
import { RatesRequestDto } from './dto/rates-request.dto';
import { QuoteDto } from './dto/rates-response.dto';
import { QuoteEntity, StoredRate, StoredRateError } from './entities/quote.entity';
import { QuoteStore, requestHash } from './quote-store';
import { byTotalCost, carrierError, CarrierQuote, combineParcelRates } from './rate-fanout';
import { saleToShipment } from './sale-shipment.mapper';
import { parcelTooHeavy, ResolvedShipment, toRateRequest } from './shipment';

export const DEFAULT_PACKAGE_CODE = 'package';

/**
 * POST /v1/rates (SPEC §4): resolves the shipment (explicit, or from a DEAR sale), asks every
 * carrier in parallel within the shared budget, and keeps the answer as a quote whose rateIds
 * POST /v1/labels accepts. Identical requests within the quote's lifetime are answered from
 * the cache without upstream calls.
 */
@Injectable()
export class RatesService {
  constructor(
    private readonly carriers: CarriersService,
    private readonly upstream: UpstreamClients,
    private readonly quotes: QuoteStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async quote(request: RatesRequestDto): Promise<QuoteDto> {
    assertOneSource(request);
    const hash = requestHash(request);
    const { connection: conn, cached } = await this.quotes.connectionAndCached(request.connectionId, hash);
    if (cached) return toQuoteDto(cached);

    const settings = conn.settings.shippingService;
    if (!settings.enabled) throw Errors.unprocessable('shipping_service_disabled', `Connection ${conn.id} has the shipping service turned off (shippingService.enabled).`);
    const clients = await this.upstream.forConnection(conn);
    const shipment = await this.resolveShipment(request, conn, clients.dear);
    const { carriers, unknown } = await this.selectCarriers(conn, request.carrierCodes);
    const packageCode = request.packageCode ?? DEFAULT_PACKAGE_CODE;
    const results = await Promise.all(carriers.map((c) => this.quoteCarrier(clients.shipstation, c, shipment, packageCode, request.serviceCodes)));
    const found = results.flatMap((r) => r.quotes).sort(byTotalCost);
    const errors: StoredRateError[] = [
      ...unknown.map((code) => ({ carrierCode: code, code: 'carrier_not_connected', message: `Carrier ${code} is not connected to this ShipStation account.` })),
      ...results.flatMap((r) => r.errors),
    ];
    const id = randomUUID();
    const quote: QuoteEntity = Object.assign(new QuoteEntity(), {
      id,
      connectionId: conn.id,
      connectionVersion: conn.updatedAt,
      requestHash: hash,
      // A partial answer is kept for its rateIds but never served again: the failing
      // carrier may answer next time.
      cacheable: errors.length === 0,
      currency: settings.currency,
      shipment,
      rates: found.map((q, i): StoredRate => ({ rateId: `${id}:${i}`, ...q, packageCode })),
      errors,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + this.config.quoteTtlMs),
    });
    await this.quotes.save(quote);
    return toQuoteDto(quote);
  }

  private async resolveShipment(request: RatesRequestDto, conn: ConnectionEntity, dear: DearClient): Promise<ResolvedShipment> {
    const defaultFrom = conn.settings.shippingService.shipFrom;
    if (request.shipment) {
      const s = request.shipment;
      const shipFrom = s.shipFrom ?? defaultFrom;
      if (!shipFrom) throw Errors.validation([{ field: 'shipment.shipFrom', message: "is required: the connection has no shippingService.shipFrom" }]);
      const heavy = s.packages.map((p, i): FieldError | undefined => (parcelTooHeavy(p.weight) ? { field: `shipment.packages.${i}.weight`, message: 'is more than 150 lb (68 kg), beyond what parcel carriers take' } : undefined)).filter((e): e is FieldError => !!e);
      if (heavy.length > 0) throw Errors.validation(heavy);
      return {
        shipFrom: { ...shipFrom },
        shipTo: { ...s.shipTo },
        parcels: s.packages.map((p) => ({ weight: { value: p.weight.value, unit: p.weight.unit }, ...(p.dimensions ? { dimensions: { ...p.dimensions } } : {}) })),
        residential: s.residential,
        confirmation: s.confirmation,
      };
    }
    if (!defaultFrom) throw Errors.unprocessable('ship_from_missing', `Connection ${conn.id} has no shippingService.shipFrom; set it to quote DEAR sales.`);
    const sale = await dear.sale(request.saleId!, { countryFormat: 'Code2' });
    const shipment = saleToShipment(sale, defaultFrom, request.fulfilmentTaskId);
    if (shipment.parcels.some((p) => parcelTooHeavy(p.weight))) {
      throw Errors.unprocessable('sale_parcel_too_heavy', `A parcel of sale ${sale.ID} weighs more than 150 lb (68 kg), beyond what parcel carriers take.`);
    }
    return shipment;
  }

  private async selectCarriers(connection: ConnectionEntity, codes?: string[]): Promise<{ carriers: CarrierInfo[]; unknown: string[] }> {
    const { catalog } = await this.carriers.get(connection);
    if (!codes || codes.length === 0) return { carriers: catalog.carriers, unknown: [] };
    const wanted = new Set(codes);
    return {
      carriers: catalog.carriers.filter((c) => wanted.has(c.code)),
      unknown: [...wanted].filter((code) => !catalog.carriers.some((c) => c.code === code)),
    };
  }

  /** One getrates per parcel for this carrier; its failure is an entry in `errors`. */
  private async quoteCarrier(ss: ShipStationClient, carrier: CarrierInfo, shipment: ResolvedShipment, packageCode: string, serviceCodes?: string[]): Promise<{ quotes: CarrierQuote[]; errors: StoredRateError[] }> {
    const mine = serviceCodes?.filter((code) => carrier.services.some((s) => s.code === code));
    if (serviceCodes && serviceCodes.length > 0 && mine?.length === 0) return { quotes: [], errors: [] };
    // With exactly one wanted service ShipStation can filter for us (reference §4).
    const serviceCode = mine?.length === 1 ? mine[0] : undefined;
    try {
      const perParcel = await Promise.all(shipment.parcels.map((parcel) => ss.rates(toRateRequest(shipment, parcel, carrier.code, { serviceCode, packageCode }))));
      return { quotes: combineParcelRates(carrier, perParcel, mine), errors: [] };
    } catch (error) {
      return { quotes: [], errors: [carrierError(carrier.code, error)] };
    }
  }
}

function assertOneSource(request: RatesRequestDto): void {
  const has = [request.saleId !== undefined, request.shipment !== undefined];
  if (has[0] === has[1]) {
    const message = has[0] ? 'give either saleId or shipment, not both' : 'give either saleId or shipment';
    throw Errors.validation([
      { field: 'saleId', message },
      { field: 'shipment', message },
    ]);
  }
  if (request.fulfilmentTaskId && !request.saleId) throw Errors.validation([{ field: 'fulfilmentTaskId', message: 'is only meaningful with saleId' }]);
}

export function toQuoteDto(quote: QuoteEntity): QuoteDto {
  return {
    quoteId: quote.id,
    expiresAt: quote.expiresAt.toISOString(),
    rates: quote.rates.map((r) => ({
      rateId: r.rateId,
      carrierCode: r.carrierCode,
      carrierName: r.carrierName,
      serviceCode: r.serviceCode,
      serviceName: r.serviceName,
      packageCode: r.packageCode,
      shipmentCost: formatMoney(r.shipmentCost),
      otherCost: formatMoney(r.otherCost),
      totalCost: formatMoney(addMoney(r.shipmentCost, r.otherCost)),
      currency: quote.currency,
    })),
    errors: quote.errors,
  };
}
