import { parseMoney, moneyToNumber } from '../common/money/money';
import { toShipStationDimensions, toShipStationWeight } from '../common/units/units';
import { toShipStationAddress } from '../rates/shipment';
import type { SsConfirmation, SsCreateLabelRequest } from '../upstream/shipstation/shipstation.types';
import type { LabelEntity } from './entities/label.entity';

/**
 * The createlabel body (reference/shipstation.md §5.1). `advancedOptions.customField1` carries
 * the label's reference: after a lost answer, reconcile recognises the shipment by it.
 */
export function toCreateLabelRequest(label: LabelEntity): SsCreateLabelRequest {
  const p = label.purchase;
  const parcel = p.shipment.parcels[p.parcelIndex];
  const orderNumber = p.shipment.sale?.orderNumber;
  return {
    carrierCode: p.carrierCode,
    serviceCode: p.serviceCode,
    packageCode: p.packageCode,
    ...(p.confirmation ? { confirmation: p.confirmation as SsConfirmation } : {}),
    shipDate: p.shipDate,
    weight: toShipStationWeight(parcel.weight),
    ...(parcel.dimensions ? { dimensions: toShipStationDimensions(parcel.dimensions) } : {}),
    shipFrom: toShipStationAddress(p.shipment.shipFrom),
    shipTo: toShipStationAddress({ ...p.shipment.shipTo, residential: p.shipment.residential ?? p.shipment.shipTo.residential }),
    ...(p.insurance ? { insuranceOptions: { provider: p.insurance.provider, insureShipment: true, insuredValue: moneyToNumber(parseMoney(p.insurance.insuredValue)) } } : {}),
    advancedOptions: {
      customField1: label.reference,
      ...(orderNumber ? { customField2: `${orderNumber}${parcel.box ? ` ${parcel.box}` : ''}` } : {}),
    },
    testLabel: p.testLabel,
  };
}
