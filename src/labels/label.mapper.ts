import { formatMoney, Minor } from '../common/money/money';
import { LabelDto } from './dto/label.dto';
import { LabelEntity } from './entities/label.entity';

/** Entity → API view (never the entity itself, STYLE habit 2). */
export function toLabelDto(label: LabelEntity): LabelDto {
  const p = label.purchase;
  return {
    id: label.id,
    status: label.status,
    connectionId: label.connectionId,
    saleId: label.saleId,
    fulfilmentTaskId: label.fulfilmentTaskId,
    box: label.box,
    carrierCode: p.carrierCode,
    serviceCode: p.serviceCode,
    packageCode: p.packageCode,
    trackingNumber: label.trackingNumber,
    shipmentCost: money(label.shipmentCost),
    insuranceCost: money(label.insuranceCost),
    currency: label.currency,
    shipstationShipmentId: label.shipstationShipmentId,
    documentUrl: label.hasDocument ? `/v1/labels/${label.id}/document` : null,
    testLabel: p.testLabel,
    lastError: label.lastError,
    createdAt: label.createdAt.toISOString(),
    purchasedAt: label.purchasedAt?.toISOString() ?? null,
    voidedAt: label.voidedAt?.toISOString() ?? null,
    writeBack: {
      status: label.writeBackStatus,
      attempts: label.writeBackAttempts,
      lastError: label.writeBackLastError,
      completedAt: label.writeBackCompletedAt?.toISOString() ?? null,
      ...(label.writeBackOutcome ? { outcome: label.writeBackOutcome as Record<string, string> } : {}),
    },
  };
}

function money(minor: string | null): string | null {
  return minor === null ? null : formatMoney(Number(minor) as Minor);
}
