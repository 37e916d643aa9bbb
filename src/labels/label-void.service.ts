import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { JobsService } from '../jobs/jobs.service';
import { Metrics } from '../metrics/metrics';
import { UpstreamClients } from '../upstream/upstream-clients.service';
import { LabelEntity } from './entities/label.entity';
import { LabelSettlement, VOID_CORRECTION_QUEUE } from './label-settlement.service';
import { LabelsRepository } from './labels.repository';

/**
 * POST /v1/labels/{id}/void (SPEC §5): voids in ShipStation, then corrects DEAR through the
 * outbox. Voiding a voided label returns it unchanged; `approved: false` is a 422 with
 * ShipStation's message.
 */
@Injectable()
export class LabelVoidService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly labels: LabelsRepository,
    private readonly upstream: UpstreamClients,
    private readonly jobs: JobsService,
    private readonly settlement: LabelSettlement,
    private readonly metrics: Metrics,
  ) {}

  async void(id: string): Promise<LabelEntity> {
    const label = await this.labels.get(id);
    if (label.status === 'voided') return label;
    if (label.status !== 'purchased') {
      throw new DomainError('label_not_voidable', 409, 'Label cannot be voided', `Label ${id} is ${label.status}; only a purchased label can be voided.`);
    }
    const { shipstation } = await this.upstream.forConnection(label.connectionId);
    const result = await shipstation.voidLabel(Number(label.shipstationShipmentId));
    if (!result.approved) {
      throw new DomainError('void_refused', 422, 'ShipStation refused the void', result.message, { upstream: { system: 'shipstation', status: 200, message: result.message } });
    }
    const voided = await this.dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(LabelEntity).createQueryBuilder('l').setLock('pessimistic_write').where('l.id = :id', { id }).getOneOrFail();
      if (row.status === 'voided') return row;
      row.status = 'voided';
      row.voidedAt = new Date();
      await manager.save(row);
      if (row.saleId) await this.jobs.send(VOID_CORRECTION_QUEUE, { labelId: id }, this.settlement.writeBackJobOptions(), manager);
      return row;
    });
    this.metrics.labelsVoided.inc({ carrier: label.purchase.carrierCode });
    return voided;
  }
}
