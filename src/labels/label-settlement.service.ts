import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PROBLEM_TYPE_BASE } from '../common/errors/problem-details';
import { parseMoney } from '../common/money/money';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { Metrics } from '../metrics/metrics';
import { DocumentStorage } from './documents/document-storage';
import { LabelEntity, LabelStatus } from './entities/label.entity';
import { IdempotencyService } from './idempotency.service';
import { toLabelDto } from './label.mapper';

export const WRITE_BACK_QUEUE = 'label-write-back';
export const VOID_CORRECTION_QUEUE = 'label-void-correction';

/** What ShipStation told us about a bought label: from createlabel, or found by reconcile. */
export interface BoughtLabel {
  shipmentId: number;
  trackingNumber: string;
  shipmentCost: number;
  insuranceCost: number;
  labelData?: string | null;
  formData?: string | null;
}

export function documentKey(labelId: string, kind: 'label' | 'form'): string {
  return `labels/${labelId}/${kind}.pdf`;
}

/**
 * Settles a pending label, once: the status change, its documents, the DEAR write-back job
 * (transactional outbox) and the answer for any waiting Idempotency-Key commit together, and
 * only if the label was still pending — so the purchase path and reconcile can never both win.
 */
@Injectable()
export class LabelSettlement {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentStorage,
    private readonly jobs: JobsService,
    private readonly idempotency: IdempotencyService,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async markPurchased(labelId: string, bought: BoughtLabel): Promise<LabelEntity | undefined> {
    const settled = await this.dataSource.transaction(async (manager) => {
      // ShipStation's word that it bought the label wins even over an earlier "failed" verdict.
      const label = await this.lock(manager, labelId, ['pending', 'failed']);
      if (!label) return undefined;
      const labelPdf = decodePdf(bought.labelData);
      const formPdf = decodePdf(bought.formData);
      if (labelPdf) await this.documents.put(documentKey(labelId, 'label'), { contentType: 'application/pdf', content: labelPdf }, manager);
      if (formPdf) await this.documents.put(documentKey(labelId, 'form'), { contentType: 'application/pdf', content: formPdf }, manager);
      const changes: Partial<LabelEntity> = {
        status: 'purchased',
        trackingNumber: bought.trackingNumber,
        shipmentCost: String(parseMoney(bought.shipmentCost)),
        insuranceCost: String(parseMoney(bought.insuranceCost ?? 0)),
        shipstationShipmentId: String(bought.shipmentId),
        hasDocument: !!labelPdf,
        hasForm: !!formPdf,
        purchasedAt: new Date(),
        lastError: null,
        ...(label.status === 'failed' && label.saleId ? { writeBackStatus: 'pending' as const } : {}),
      };
      // update(), not save(): the row is locked and known; save() would read it again first.
      await manager.update(LabelEntity, { id: labelId }, changes);
      Object.assign(label, changes);
      if (label.writeBackStatus === 'pending') {
        await this.jobs.send(WRITE_BACK_QUEUE, { labelId }, this.writeBackJobOptions(), manager);
      }
      await this.idempotency.completeForLabel(labelId, 201, toLabelDto(label), manager);
      return label;
    });
    if (settled) this.metrics.labelsPurchased.inc({ carrier: settled.purchase.carrierCode });
    return settled;
  }

  /** ShipStation bought nothing: the label frees its sale box, and waiting keys get the reason. */
  async markFailed(labelId: string, status: number, code: string, message: string): Promise<LabelEntity | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const label = await this.lock(manager, labelId, ['pending']);
      if (!label) return undefined;
      const changes: Partial<LabelEntity> = { status: 'failed', lastError: message, writeBackStatus: 'not_applicable' };
      await manager.update(LabelEntity, { id: labelId }, changes);
      Object.assign(label, changes);
      await this.idempotency.completeForLabel(labelId, status, { type: PROBLEM_TYPE_BASE + code, title: 'Label not purchased', status, code, detail: message, label: toLabelDto(label) }, manager);
      return label;
    });
  }

  writeBackJobOptions() {
    return { retryLimit: this.config.writeBackMaxAttempts, retryDelay: this.config.writeBackRetryDelaySeconds, retryBackoff: true };
  }

  private lock(manager: EntityManager, labelId: string, statuses: LabelStatus[]): Promise<LabelEntity | null> {
    return manager.getRepository(LabelEntity).createQueryBuilder('l').setLock('pessimistic_write').where('l.id = :labelId AND l.status IN (:...statuses)', { labelId, statuses }).getOne();
  }
}

function decodePdf(base64: string | null | undefined): Buffer | undefined {
  if (!base64) return undefined;
  const bytes = Buffer.from(base64, 'base64');
  return bytes.length > 0 ? bytes : undefined;
}
