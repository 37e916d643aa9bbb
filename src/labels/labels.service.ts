import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { JobsService } from '../jobs/jobs.service';
import { DocumentStorage, StoredDocument } from './documents/document-storage';
import { ListLabelsQueryDto } from './dto/label.dto';
import { LabelEntity } from './entities/label.entity';
import { documentKey, LabelSettlement, WRITE_BACK_QUEUE } from './label-settlement.service';
import { LabelsRepository } from './labels.repository';

/** Reading labels, their documents, and asking for the write-back again. */
@Injectable()
export class LabelsService {
  constructor(
    private readonly labels: LabelsRepository,
    private readonly documents: DocumentStorage,
    private readonly jobs: JobsService,
    private readonly settlement: LabelSettlement,
  ) {}

  get(id: string): Promise<LabelEntity> {
    return this.labels.get(id);
  }

  list(query: ListLabelsQueryDto, limit: number): Promise<LabelEntity[]> {
    return this.labels.list(query, limit);
  }

  async document(id: string, kind: 'label' | 'form'): Promise<{ label: LabelEntity; document: StoredDocument }> {
    const label = await this.labels.get(id);
    const document = await this.documents.get(documentKey(id, kind));
    if (!document) {
      const why = label.status === 'purchased' || label.status === 'voided'
        ? kind === 'form'
          ? 'ShipStation sent no customs form for this label.'
          : 'ShipStation gave no label data back for this label (it was found by reconcile after a lost answer); reprint it from ShipStation.'
        : `The label is ${label.status}.`;
      throw new DomainError('label_document_unavailable', 404, 'Document not available', why);
    }
    return { label, document };
  }

  async retryWriteBack(id: string): Promise<LabelEntity> {
    const label = await this.labels.get(id);
    if (label.writeBackStatus !== 'failed') {
      throw new DomainError('write_back_not_failed', 409, 'Nothing to retry', `The write-back of label ${id} is ${label.writeBackStatus}; only a failed one can be retried.`);
    }
    await this.labels.updateFields(id, { writeBackStatus: 'pending', writeBackAttempts: 0 });
    await this.jobs.send(WRITE_BACK_QUEUE, { labelId: id }, this.settlement.writeBackJobOptions());
    return this.labels.get(id);
  }
}
