import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { toShipStationDateTime } from '../common/time/upstream-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LOGGER } from '../logging/logger';
import { ShipStationClient } from '../upstream/shipstation/shipstation.client';
import { SsShipment } from '../upstream/shipstation/shipstation.types';
import { UpstreamClients } from '../upstream/upstream-clients.service';
import { LabelEntity } from './entities/label.entity';
import { LabelSettlement } from './label-settlement.service';
import { LabelsRepository } from './labels.repository';

export type ReconcileOutcome = 'purchased' | 'failed' | 'pending';

/** Pages of 500 shipments looked through per attempt: far more than labels bought in minutes. */
const MAX_PAGES = 10;
/** ShipStation's clock and ours may differ; look a little before the label was created. */
const LOOKBACK_MS = 10 * 60 * 1000;

/**
 * Settles labels whose purchase answer was lost (timeout, reset, crash): it looks for the
 * shipment carrying the label's reference in ShipStation (GET /shipments, advancedOptions.
 * customField1) and adopts it; if ShipStation still has none after the give-up time, nothing
 * was bought. It never buys. A sweep runs at start and every interval, on every instance;
 * a claim in PostgreSQL makes sure one instance handles each label at a time.
 */
@Injectable()
export class LabelReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly labels: LabelsRepository,
    private readonly upstream: UpstreamClients,
    private readonly settlement: LabelSettlement,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.sweeping ??= this.sweep()
        .catch((err: unknown) => this.logger.error({ err }, 'label reconcile sweep failed'))
        .finally(() => (this.sweeping = undefined));
    };
    tick();
    this.timer = setInterval(tick, this.config.labelReconcileIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Reconciles every due pending label once. */
  async sweep(): Promise<void> {
    for (const id of await this.labels.dueForReconcile(20)) {
      if (!(await this.labels.claimForReconcile(id, this.config.upstreamTimeoutMs * 2 + 10_000))) continue;
      const outcome = await this.reconcile(id).catch((err: unknown) => {
        this.logger.warn({ labelId: id, err: err instanceof Error ? err.message : String(err) }, 'reconcile attempt failed; will retry');
        return 'pending' as const;
      });
      this.logger.info({ labelId: id, outcome }, 'label reconciled');
    }
  }

  /** One look in ShipStation for this label; settles it when the answer is known. */
  async reconcile(labelId: string): Promise<ReconcileOutcome> {
    const label = await this.labels.get(labelId);
    if (label.status !== 'pending') return label.status === 'failed' ? 'failed' : 'purchased';
    const { shipstation } = await this.upstream.forConnection(label.connectionId);
    const found = await findByReference(shipstation, label);
    if (found) {
      await this.settlement.markPurchased(label.id, {
        shipmentId: found.shipmentId,
        trackingNumber: found.trackingNumber,
        shipmentCost: found.shipmentCost,
        insuranceCost: found.insuranceCost,
        // GET /shipments carries no label data (reference §7.1): the PDF of an adopted label is
        // not available from the API; reprint it in ShipStation.
        labelData: found.labelData ?? null,
        formData: found.formData ?? null,
      });
      return 'purchased';
    }
    if (Date.now() - label.createdAt.getTime() < this.config.labelReconcileGiveUpMs) return 'pending';
    await this.settlement.markFailed(label.id, 502, 'label_not_purchased', `ShipStation has no shipment with reference ${label.reference}: the label was not bought.`);
    return 'failed';
  }
}

async function findByReference(ss: ShipStationClient, label: LabelEntity): Promise<SsShipment | undefined> {
  const createDateStart = toShipStationDateTime(new Date(label.createdAt.getTime() - LOOKBACK_MS));
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await ss.shipments({ carrierCode: label.purchase.carrierCode, createDateStart, sortBy: 'CreateDate', sortDir: 'DESC', page, pageSize: 500 });
    const match = result.shipments.find((s) => s.advancedOptions?.customField1 === label.reference);
    if (match) return match;
    if (page >= result.pages) return undefined;
  }
  return undefined;
}
