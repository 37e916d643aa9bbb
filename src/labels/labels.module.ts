import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CarriersModule } from '../carriers/carriers.module';
import { LeaseService } from '../common/leases/lease.service';
import { ConnectionsModule } from '../connections/connections.module';
import { JobsService } from '../jobs/jobs.service';
import { RatesModule } from '../rates/rates.module';
import { UpstreamModule } from '../upstream/upstream.module';
import { DocumentStorage, PostgresDocumentStorage } from './documents/document-storage';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { LabelDocumentEntity } from './entities/label-document.entity';
import { LabelEntity } from './entities/label.entity';
import { IdempotencyService } from './idempotency.service';
import { LabelPurchaseService } from './label-purchase.service';
import { LabelReconciler } from './label-reconciler.service';
import { LabelRequestResolver } from './label-request.resolver';
import { LabelSettlement } from './label-settlement.service';
import { LabelVoidService } from './label-void.service';
import { LabelWriteBackWorker } from './label-write-back.worker';
import { LabelsController } from './labels.controller';
import { LabelsRepository } from './labels.repository';
import { LabelsService } from './labels.service';

const IDEMPOTENCY_CLEANUP_QUEUE = 'idempotency-keys-cleanup';
/** SPEC §5: keys are kept at least 72 hours. */
const IDEMPOTENCY_KEEP_MS = 72 * 3600 * 1000;

@Module({
  imports: [TypeOrmModule.forFeature([LabelEntity, IdempotencyKeyEntity, LabelDocumentEntity]), ConnectionsModule, CarriersModule, UpstreamModule, RatesModule],
  controllers: [LabelsController],
  providers: [
    LabelsRepository,
    LabelsService,
    LabelPurchaseService,
    LabelRequestResolver,
    LabelSettlement,
    LabelReconciler,
    LabelVoidService,
    LabelWriteBackWorker,
    IdempotencyService,
    LeaseService,
    { provide: DocumentStorage, useClass: PostgresDocumentStorage },
  ],
})
export class LabelsModule implements OnModuleInit {
  constructor(private readonly jobs: JobsService, private readonly idempotency: IdempotencyService) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.schedule(IDEMPOTENCY_CLEANUP_QUEUE, '23 * * * *');
    await this.jobs.work(IDEMPOTENCY_CLEANUP_QUEUE, async () => void (await this.idempotency.deleteOlderThan(new Date(Date.now() - IDEMPOTENCY_KEEP_MS))));
  }
}
