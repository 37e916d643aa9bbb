import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Errors } from '../common/errors/domain-error';
import { decodeCursor } from '../common/http/pagination';
import { ListLabelsQueryDto } from './dto/label.dto';
import { LabelEntity } from './entities/label.entity';

/** The label queries, named for what they are for. */
@Injectable()
export class LabelsRepository {
  constructor(@InjectRepository(LabelEntity) private readonly labels: Repository<LabelEntity>) {}

  async get(id: string): Promise<LabelEntity> {
    const label = await this.labels.findOneBy({ id });
    if (!label) throw Errors.notFound('label', id);
    return label;
  }

  findActiveForBox(connectionId: string, naturalKey: string): Promise<LabelEntity | null> {
    return this.labels.findOneBy({ connectionId, naturalKey, status: In(['pending', 'purchased']) });
  }

  list(query: ListLabelsQueryDto, limit: number): Promise<LabelEntity[]> {
    const q = this.labels.createQueryBuilder('l').orderBy('l.created_at', 'ASC').addOrderBy('l.id', 'ASC').limit(limit + 1);
    if (query.connectionId) q.andWhere('l.connection_id = :connectionId', { connectionId: query.connectionId });
    if (query.saleId) q.andWhere('l.sale_id = :saleId', { saleId: query.saleId });
    if (query.status) q.andWhere('l.status = :status', { status: query.status });
    if (query.createdFrom) q.andWhere('l.created_at >= :from', { from: new Date(query.createdFrom) });
    if (query.createdTo) q.andWhere('l.created_at < :to', { to: new Date(query.createdTo) });
    const after = decodeCursor(query.cursor);
    if (after) q.andWhere('(l.created_at, l.id) > (:createdAt, :id)', after);
    return q.getMany();
  }

  /** Pending labels whose purchase call cannot still be running anywhere. */
  async dueForReconcile(limit: number): Promise<string[]> {
    const rows = await this.labels
      .createQueryBuilder('l')
      .select('l.id', 'id')
      .where(`l.status = 'pending' AND l.purchase_deadline < now()`)
      .orderBy('l.purchase_deadline', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /**
   * Takes a due label for reconciling: moves its deadline on, so no other instance takes it
   * until `leaseMs` has passed. Returns false when another instance was first.
   */
  async claimForReconcile(id: string, leaseMs: number): Promise<boolean> {
    const result = await this.labels
      .createQueryBuilder()
      .update()
      .set({ purchaseDeadline: () => `now() + make_interval(secs => ${Math.ceil(leaseMs / 1000)})` })
      .where(`id = :id AND status = 'pending' AND purchase_deadline < now()`, { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  countWriteBackBacklog(): Promise<number> {
    return this.labels.countBy({ writeBackStatus: 'pending', status: In(['purchased', 'voided']) });
  }

  /**
   * Changes only the given columns. Workers use this rather than save(): a whole-entity save
   * would write back a stale status that another request changed meanwhile (a void).
   */
  async updateFields(id: string, fields: Partial<Pick<LabelEntity, 'writeBackStatus' | 'writeBackAttempts' | 'writeBackLastError' | 'writeBackCompletedAt' | 'writeBackOutcome'>>): Promise<void> {
    await this.labels.update({ id }, fields);
  }

  /** Counts one more write-back attempt and returns the new count. */
  async countWriteBackAttempt(id: string): Promise<number> {
    const [row] = (await this.labels.query(`UPDATE labels SET write_back_attempts = write_back_attempts + 1 WHERE id = $1 RETURNING write_back_attempts`, [id])) as [Array<{ write_back_attempts: number }>, number];
    return row[0]?.write_back_attempts ?? 0;
  }
}
