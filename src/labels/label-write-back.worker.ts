import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { DomainError } from '../common/errors/domain-error';
import { LeaseService } from '../common/leases/lease.service';
import { Minor } from '../common/money/money';
import { CarriersService } from '../carriers/carriers.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ConnectionsService } from '../connections/connections.service';
import { JobsService } from '../jobs/jobs.service';
import { LOGGER } from '../logging/logger';
import { Metrics } from '../metrics/metrics';
import { UpstreamClients } from '../upstream/upstream-clients.service';
import { UpstreamError } from '../upstream/upstream.errors';
import { LabelEntity } from './entities/label.entity';
import { VOID_CORRECTION_QUEUE, WRITE_BACK_QUEUE } from './label-settlement.service';
import { LabelsRepository } from './labels.repository';
import { dearCarrierName, DearWriteBack, trackingUrl } from './write-back';

interface LabelJob {
  labelId: string;
}

/**
 * The outbox workers (SPEC §5): record a bought label in DEAR, and correct DEAR after a void.
 * Both start from DEAR's current state (DearWriteBack), so a job that runs twice — after a
 * crash, or a retry whose first attempt did land — writes nothing twice. Transient failures
 * (429/503/5xx, errors under 200) are retried by pg-boss with backoff; after the last attempt,
 * or at once for a refusal that needs a change in DEAR, `writeBack.status` becomes `failed`.
 */
@Injectable()
export class LabelWriteBackWorker implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly labels: LabelsRepository,
    private readonly connections: ConnectionsService,
    private readonly carriers: CarriersService,
    private readonly upstream: UpstreamClients,
    private readonly metrics: Metrics,
    private readonly leases: LeaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.work<LabelJob>(WRITE_BACK_QUEUE, (job) => this.writeBack(job.data.labelId));
    await this.jobs.work<LabelJob>(VOID_CORRECTION_QUEUE, (job) => this.correctVoid(job.data.labelId));
    this.metrics.gauge('label_write_back_backlog', 'Labels whose DEAR write-back is still pending (outbox backlog)', () => this.labels.countWriteBackBacklog());
  }

  async writeBack(labelId: string): Promise<void> {
    const label = await this.labels.get(labelId);
    if (label.writeBackStatus !== 'pending') return;
    if (label.status === 'voided') {
      await this.finish(label, 'not_applicable', { voidCorrection: 'nothing_to_do', voidDetail: 'voided before it was recorded in DEAR' });
      return;
    }
    if (label.status !== 'purchased') return;
    // One writer per DEAR fulfilment at a time: a ship POST replaces all the stage's lines.
    const lease = await this.leases.tryAcquire(`dear-fulfilment:${label.fulfilmentTaskId}`, this.config.upstreamTimeoutMs * 6 + 30_000);
    if (!lease) throw new Error('another write-back to this fulfilment is running; retried shortly');
    const attempts = await this.labels.countWriteBackAttempt(label.id);
    try {
      const connection = await this.connections.get(label.connectionId);
      const { dear } = await this.upstream.forConnection(connection, { background: true });
      const ship = connection.settings.shippingService;
      const names = await this.carrierNames(label);
      const outcome = await new DearWriteBack(dear).record({
        saleId: label.saleId!,
        fulfilmentTaskId: label.fulfilmentTaskId!,
        box: label.box,
        carrierName: dearCarrierName({ carrierCode: label.purchase.carrierCode, displayName: names.carrier, overrides: ship.carrierNames }),
        trackingNumber: label.trackingNumber!,
        trackingUrl: trackingUrl({ carrierCode: label.purchase.carrierCode, trackingNumber: label.trackingNumber!, overrides: ship.trackingUrlTemplates }),
        shipDate: new Date(`${label.purchase.shipDate}T12:00:00Z`),
        shippingCost: Number(label.shipmentCost ?? 0) as Minor,
        currency: label.currency,
        freight: ship.freight,
        serviceName: names.service,
        notesToBuyer: label.purchase.notesToBuyer,
      });
      await this.finish(label, 'done', { shipLine: outcome.shipLine, shipStatus: outcome.shipStatus, freight: outcome.freight, ...(outcome.freightNote ? { freightNote: outcome.freightNote } : {}) });
      if (label.purchasedAt) this.metrics.writeBackLatency.observe((Date.now() - label.purchasedAt.getTime()) / 1000);
    } catch (error) {
      const message = describe(error);
      const final = !isTransient(error) || attempts >= this.config.writeBackMaxAttempts;
      await this.labels.updateFields(label.id, { writeBackLastError: message, ...(final ? { writeBackStatus: 'failed' as const } : {}) });
      this.logger.warn({ labelId, attempt: attempts, final, err: message }, 'DEAR write-back failed');
      if (!final) throw error; // pg-boss retries with backoff
    } finally {
      await lease.release();
    }
  }

  async correctVoid(labelId: string): Promise<void> {
    const label = await this.labels.get(labelId);
    if (label.status !== 'voided' || label.writeBackOutcome?.voidCorrection) return;
    // The write-back may still be running: wait for it (the job is retried with backoff).
    if (label.writeBackStatus === 'pending') throw new Error('write-back still pending; the void correction waits for it');
    if (label.writeBackStatus !== 'done') {
      await this.finish(label, label.writeBackStatus, { voidCorrection: 'nothing_to_do', voidDetail: 'the label was never recorded in DEAR' });
      return;
    }
    const { dear } = await this.upstream.forConnection(label.connectionId, { background: true });
    const lease = await this.leases.tryAcquire(`dear-fulfilment:${label.fulfilmentTaskId}`, this.config.upstreamTimeoutMs * 6 + 30_000);
    if (!lease) throw new Error('another write-back to this fulfilment is running; retried shortly');
    try {
      const outcome = await new DearWriteBack(dear).correctVoid({ saleId: label.saleId!, fulfilmentTaskId: label.fulfilmentTaskId!, box: label.box, trackingNumber: label.trackingNumber!, voidedAt: label.voidedAt ?? new Date() });
      await this.finish(label, 'done', { voidCorrection: outcome.outcome, voidDetail: outcome.detail });
    } catch (error) {
      await this.labels.updateFields(label.id, { writeBackLastError: `void correction: ${describe(error)}` });
      if (isTransient(error)) throw error;
      await this.finish(label, 'failed', { voidCorrection: 'failed', voidDetail: describe(error) });
    } finally {
      await lease.release();
    }
  }

  private async finish(label: LabelEntity, status: LabelEntity['writeBackStatus'], outcome: Record<string, string>): Promise<void> {
    await this.labels.updateFields(label.id, {
      writeBackStatus: status,
      writeBackOutcome: { ...(label.writeBackOutcome ?? {}), ...outcome },
      writeBackCompletedAt: new Date(),
      ...(status === 'done' ? { writeBackLastError: null } : {}),
    });
  }

  private async carrierNames(label: LabelEntity): Promise<{ carrier?: string; service?: string }> {
    try {
      const { catalog } = await this.carriers.get(label.connectionId);
      const carrier = catalog.carriers.find((c) => c.code === label.purchase.carrierCode);
      return { carrier: carrier?.name, service: carrier?.services.find((s) => s.code === label.purchase.serviceCode)?.name };
    } catch {
      return {}; // names are a nicety; the built-in table and the code still work
    }
  }
}

/** Worth another attempt later: DEAR failing or throttling, or our budget still full. */
function isTransient(error: unknown): boolean {
  return (error instanceof UpstreamError && error.transient) || (error instanceof DomainError && error.code === 'upstream_budget_exhausted');
}

function describe(error: unknown): string {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
