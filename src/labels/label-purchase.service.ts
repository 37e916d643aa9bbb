import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Caller } from '../common/auth/auth.decorators';
import { DomainError, Errors } from '../common/errors/domain-error';
import { domainErrorBody } from '../common/errors/problem.filter';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ConnectionsService } from '../connections/connections.service';
import { LOGGER } from '../logging/logger';
import { requestHash } from '../rates/quote-store';
import { UpstreamClients } from '../upstream/upstream-clients.service';
import { UpstreamError } from '../upstream/upstream.errors';
import { PurchaseLabelDto } from './dto/purchase-label.dto';
import { LabelDto } from './dto/label.dto';
import { LabelEntity } from './entities/label.entity';
import { IdempotencyService } from './idempotency.service';
import { toCreateLabelRequest } from './label-shipstation.mapper';
import { LabelReconciler } from './label-reconciler.service';
import { LabelRequestResolver } from './label-request.resolver';
import { LabelSettlement } from './label-settlement.service';
import { toLabelDto } from './label.mapper';
import { LabelsRepository } from './labels.repository';

export interface PurchaseAnswer {
  status: number;
  body: LabelDto | Record<string, unknown>;
  replayed: boolean;
}

/**
 * POST /v1/labels (SPEC §5). Money is at stake, so the order of steps is the design:
 * 1. the Idempotency-Key is claimed before anything else;
 * 2. the label row (pending, with its reference) is committed before ShipStation is called,
 *    and the one-active-label-per-box index refuses a second one;
 * 3. createlabel is sent once, never retried;
 * 4. an answer that was lost leaves the label pending: it is settled by finding the shipment
 *    in ShipStation by its reference, never by buying again.
 */
@Injectable()
export class LabelPurchaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connections: ConnectionsService,
    private readonly upstream: UpstreamClients,
    private readonly resolver: LabelRequestResolver,
    private readonly settlement: LabelSettlement,
    private readonly reconciler: LabelReconciler,
    private readonly idempotency: IdempotencyService,
    private readonly labels: LabelsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async purchase(caller: Caller, idempotencyKey: string | undefined, dto: PurchaseLabelDto): Promise<PurchaseAnswer> {
    if (idempotencyKey !== undefined) {
      IdempotencyService.validateKey(idempotencyKey);
      const start = await this.idempotency.begin(caller.apiKeyId, idempotencyKey, requestHash(dto), this.config.upstreamBudgetWaitMs + this.config.upstreamTimeoutMs + 60_000);
      if (start.kind === 'replay') return { status: start.status, body: start.body as LabelDto, replayed: true };
    }
    const key = idempotencyKey !== undefined ? { apiKeyId: caller.apiKeyId, key: idempotencyKey } : undefined;
    try {
      // A 201 completed the key in the settlement's transaction; a 202 leaves it to reconcile.
      return await this.buy(dto, key);
    } catch (error) {
      if (key && error instanceof DomainError) {
        // A refusal is the answer to replay; a passing failure (5xx) before anything was
        // bought frees the key so the same request can simply be sent again.
        if (error.status < 500) await this.idempotency.complete(key.apiKeyId, key.key, error.status, domainErrorBody(error));
        else await this.idempotency.release(key.apiKeyId, key.key);
      }
      throw error;
    }
  }

  private async buy(dto: PurchaseLabelDto, key: { apiKeyId: string; key: string } | undefined): Promise<PurchaseAnswer> {
    const connection = await this.connections.get(dto.connectionId);
    if (!connection.settings.shippingService.enabled) throw Errors.unprocessable('shipping_service_disabled', `Connection ${connection.id} has the shipping service turned off.`);
    const clients = await this.upstream.forConnection(connection);
    const purchase = await this.resolver.resolve(dto, connection, clients.dear);
    const sale = purchase.shipment.sale;
    const box = purchase.shipment.parcels[purchase.parcelIndex].box ?? null;
    const id = randomUUID();
    const label = Object.assign(new LabelEntity(), {
      id,
      connectionId: connection.id,
      status: 'pending',
      saleId: sale?.saleId ?? null,
      fulfilmentTaskId: sale?.fulfilmentTaskId ?? null,
      box,
      naturalKey: sale && !dto.allowAdditional ? `${sale.saleId}:${sale.fulfilmentTaskId}:${box ?? '*'}` : null,
      quoteId: dto.rateId ? dto.rateId.split(':')[0] : null,
      rateId: dto.rateId ?? null,
      purchase,
      reference: `dsb:${id}`,
      purchaseDeadline: new Date(Date.now() + this.config.upstreamBudgetWaitMs + this.config.upstreamTimeoutMs + 1_000),
      currency: connection.settings.shippingService.currency,
      writeBackStatus: sale ? 'pending' : 'not_applicable',
      writeBackAttempts: 0,
    } satisfies Partial<LabelEntity>);
    await this.insertPending(label, key);

    let bought;
    try {
      bought = await clients.shipstation.createLabel(toCreateLabelRequest(label));
    } catch (error) {
      return this.afterFailedCall(label, error);
    }
    const settled = await this.settlement.markPurchased(id, bought);
    // Only reconcile can have settled it in between (it found the same shipment).
    const final = settled ?? (await this.labels.get(id));
    return { status: 201, body: toLabelDto(final), replayed: false };
  }

  private async insertPending(label: LabelEntity, key: { apiKeyId: string; key: string } | undefined): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(LabelEntity, label);
        if (key) await this.idempotency.attachLabel(key.apiKeyId, key.key, label.id, manager);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505' && label.naturalKey) {
        const existing = await this.labels.findActiveForBox(label.connectionId, label.naturalKey);
        throw Errors.conflict(
          'label_exists',
          `Sale box ${label.box ?? '(whole fulfilment)'} already has an active label${existing ? ` (${existing.id})` : ''}; send allowAdditional: true to buy another.`,
          existing ? { label: toLabelDto(existing) } : undefined,
        );
      }
      throw error;
    }
  }

  private async afterFailedCall(label: LabelEntity, error: unknown): Promise<PurchaseAnswer> {
    if (boughtNothing(error)) {
      const e = error as DomainError;
      await this.settlement.markFailed(label.id, e.status, e.code, e.message);
      throw e;
    }
    // The answer is lost: ShipStation may or may not have bought it. Look before anything else.
    this.logger.warn({ labelId: label.id, err: error instanceof Error ? error.message : String(error) }, 'label purchase answer lost; reconciling');
    const outcome = await this.reconciler.reconcile(label.id).catch(() => undefined);
    const current = await this.labels.get(label.id);
    if (outcome === 'purchased') return { status: 201, body: toLabelDto(current), replayed: false };
    if (outcome === 'failed') throw new DomainError('label_not_purchased', 502, 'Label not purchased', current.lastError ?? 'ShipStation did not buy the label.');
    // Still unknown: accepted; the reconcile job settles it, GET /v1/labels/{id} shows when.
    return { status: 202, body: toLabelDto(current), replayed: false };
  }
}

/**
 * True when the call certainly bought nothing: ShipStation refused it, throttled it (429 is
 * answered before any work), or it never left (budget, connection refused).
 */
export function boughtNothing(error: unknown): boolean {
  if (error instanceof UpstreamError) {
    if (error.kind === 'rejected' || error.kind === 'unauthorized' || error.kind === 'throttled' || error.kind === 'not_found') return true;
    return error.kind === 'unreachable' && /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(error.upstreamMessage);
  }
  return error instanceof DomainError && error.code === 'upstream_budget_exhausted';
}
