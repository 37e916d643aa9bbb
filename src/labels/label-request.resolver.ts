import { Injectable } from '@nestjs/common';
import { DomainError, Errors } from '../common/errors/domain-error';
import { toShipStationDate } from '../common/time/upstream-time';
import { CarriersService } from '../carriers/carriers.service';
import { ConnectionEntity } from '../connections/entities/connection.entity';
import { DEFAULT_PACKAGE_CODE } from '../rates/rates.service';
import { QuoteStore } from '../rates/quote-store';
import { saleToShipment } from '../rates/sale-shipment.mapper';
import { parcelTooHeavy, ResolvedShipment } from '../rates/shipment';
import type { DearClient } from '../upstream/dear/dear.client';
import { PurchaseLabelDto } from './dto/purchase-label.dto';
import { LabelPurchase } from './entities/label.entity';

const refuse = (code: string, detail: string, field?: string) =>
  new DomainError(code, 422, 'The label cannot be bought as asked', detail, field ? { errors: [{ field, message: detail }] } : {});

/**
 * Turns a POST /v1/labels body into exactly what ShipStation will be sent: from a quote's rate
 * (the shipment that was priced), or from explicit codes with a DEAR sale or a shipment.
 * Everything that can be refused is refused here, before any money is at stake.
 */
@Injectable()
export class LabelRequestResolver {
  constructor(private readonly quotes: QuoteStore, private readonly carriers: CarriersService) {}

  async resolve(dto: PurchaseLabelDto, connection: ConnectionEntity, dear: DearClient): Promise<LabelPurchase> {
    assertShape(dto);
    const { shipment, carrierCode, serviceCode, packageCode } = dto.rateId
      ? await this.fromRate(dto)
      : { shipment: await this.shipmentFor(dto, connection, dear), carrierCode: dto.carrierCode!, serviceCode: dto.serviceCode!, packageCode: dto.packageCode ?? DEFAULT_PACKAGE_CODE };
    await this.assertServiceOffered(connection, carrierCode, serviceCode, packageCode);
    const parcelIndex = chooseParcel(shipment, dto.box);
    return {
      shipment,
      parcelIndex,
      carrierCode,
      serviceCode,
      packageCode,
      // ShipStation counts days in Pacific time (reference §1.6).
      shipDate: dto.shipDate ?? toShipStationDate(new Date()),
      testLabel: dto.testLabel ?? false,
      ...(dto.confirmation ?? shipment.confirmation ? { confirmation: dto.confirmation ?? shipment.confirmation } : {}),
      ...(dto.insurance ? { insurance: { provider: dto.insurance.provider, insuredValue: dto.insurance.insuredValue } } : {}),
      ...(dto.notesToBuyer?.trim() ? { notesToBuyer: dto.notesToBuyer.trim() } : {}),
    };
  }

  private async fromRate(dto: PurchaseLabelDto) {
    const [quoteId] = dto.rateId!.split(':');
    const quote = await this.quotes.findById(quoteId);
    const rate = quote?.rates.find((r) => r.rateId === dto.rateId);
    if (!quote || !rate || quote.expiresAt.getTime() <= Date.now()) {
      throw refuse('quote_expired', `Rate ${dto.rateId} is unknown or its quote has expired; ask POST /v1/rates again.`, 'rateId');
    }
    if (quote.connectionId !== dto.connectionId) throw refuse('rate_connection_mismatch', `Rate ${dto.rateId} was quoted for another connection.`, 'rateId');
    if (dto.saleId && quote.shipment.sale?.saleId !== dto.saleId) throw refuse('rate_sale_mismatch', `Rate ${dto.rateId} was not quoted for sale ${dto.saleId}.`, 'saleId');
    if (dto.fulfilmentTaskId && quote.shipment.sale?.fulfilmentTaskId !== dto.fulfilmentTaskId) throw refuse('rate_sale_mismatch', `Rate ${dto.rateId} was not quoted for fulfilment ${dto.fulfilmentTaskId}.`, 'fulfilmentTaskId');
    return { shipment: quote.shipment, carrierCode: rate.carrierCode, serviceCode: rate.serviceCode, packageCode: rate.packageCode };
  }

  private async shipmentFor(dto: PurchaseLabelDto, connection: ConnectionEntity, dear: DearClient): Promise<ResolvedShipment> {
    const shipFrom = dto.shipment?.shipFrom ?? connection.settings.shippingService.shipFrom;
    if (!shipFrom) throw refuse('ship_from_missing', `Connection ${connection.id} has no shippingService.shipFrom; set it or send shipment.shipFrom.`);
    if (dto.shipment) {
      const s = dto.shipment;
      if (s.packages.length !== 1) throw refuse('single_package_required', 'A label is for one package; buy one label per package.', 'shipment.packages');
      if (parcelTooHeavy(s.packages[0].weight)) throw Errors.validation([{ field: 'shipment.packages.0.weight', message: 'is more than 150 lb (68 kg), beyond what parcel carriers take' }]);
      return { shipFrom: { ...shipFrom }, shipTo: { ...s.shipTo }, parcels: [{ weight: { ...s.packages[0].weight }, ...(s.packages[0].dimensions ? { dimensions: { ...s.packages[0].dimensions } } : {}) }], residential: s.residential, confirmation: s.confirmation };
    }
    const sale = await dear.sale(dto.saleId!, { countryFormat: 'Code2' });
    return saleToShipment(sale, shipFrom, dto.fulfilmentTaskId);
  }

  /** A service the carrier does not offer is refused here with a clear 422 (SPEC §5). */
  private async assertServiceOffered(connection: ConnectionEntity, carrierCode: string, serviceCode: string, packageCode: string): Promise<void> {
    const { catalog } = await this.carriers.get(connection);
    const carrier = catalog.carriers.find((c) => c.code === carrierCode);
    if (!carrier) throw refuse('carrier_not_connected', `Carrier ${carrierCode} is not connected to this ShipStation account.`, 'carrierCode');
    if (!carrier.services.some((s) => s.code === serviceCode)) throw refuse('service_not_offered', `Carrier ${carrierCode} has no service ${serviceCode}.`, 'serviceCode');
    if (carrier.packages.length > 0 && !carrier.packages.some((p) => p.code === packageCode)) throw refuse('package_not_offered', `Carrier ${carrierCode} has no package ${packageCode}.`, 'packageCode');
  }
}

function assertShape(dto: PurchaseLabelDto): void {
  const errors: Array<{ field: string; message: string }> = [];
  const byCodes = dto.carrierCode !== undefined || dto.serviceCode !== undefined;
  if (dto.rateId && byCodes) errors.push({ field: 'rateId', message: 'give either rateId or carrierCode + serviceCode, not both' });
  if (!dto.rateId && !(dto.carrierCode && dto.serviceCode)) errors.push({ field: 'rateId', message: 'give rateId, or carrierCode and serviceCode' });
  if (dto.rateId && dto.shipment) errors.push({ field: 'shipment', message: 'comes from the quote when rateId is given' });
  if (!dto.rateId && byCodes && !!dto.saleId === !!dto.shipment) errors.push({ field: 'saleId', message: 'give either saleId or shipment' });
  if ((dto.fulfilmentTaskId || dto.box) && dto.shipment) errors.push({ field: dto.box ? 'box' : 'fulfilmentTaskId', message: 'is only meaningful for a DEAR sale' });
  if (errors.length > 0) throw Errors.validation(errors);
}

/** The parcel to label: the named box, or the only parcel. */
function chooseParcel(shipment: ResolvedShipment, box?: string): number {
  if (box !== undefined) {
    const index = shipment.parcels.findIndex((p) => p.box === box);
    if (index < 0) {
      const boxes = shipment.parcels.map((p) => p.box).filter(Boolean);
      throw refuse('sale_box_not_found', `The sale has no packed box "${box}"${boxes.length ? ` (boxes: ${boxes.join(', ')})` : ' (it is not packed in boxes)'}.`, 'box');
    }
    return index;
  }
  if (shipment.parcels.length > 1) {
    throw refuse('box_required', `The shipment has ${shipment.parcels.length} boxes (${shipment.parcels.map((p) => p.box).join(', ')}); buy one label per box and name it in \`box\`.`, 'box');
  }
  return 0;
}
