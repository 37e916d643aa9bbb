import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import { DomainError, Errors } from '../common/errors/domain-error';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';

export type IdempotencyStart =
  | { kind: 'proceed' }
  | { kind: 'replay'; status: number; body: unknown };

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` handling (SPEC §5, Appendix A), scoped to the calling API key:
 * same key and body → the stored answer again; same key, other body → 422; same key still in
 * flight → 409 at once. A request that died before it created anything leaves an in-flight
 * row without a label; after `abandonAfterMs` the key may be used again.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  static validateKey(key: string): void {
    if (!KEY_PATTERN.test(key)) {
      throw Errors.validation([{ field: 'Idempotency-Key', message: 'must be 1–255 visible ASCII characters' }], 'The Idempotency-Key header is not valid.');
    }
  }

  async begin(apiKeyId: string, key: string, requestHash: string, abandonAfterMs: number): Promise<IdempotencyStart> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (api_key_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [apiKeyId, key, requestHash],
    );
    if (inserted.length > 0) return { kind: 'proceed' };
    const row = await this.dataSource.manager.findOneBy(IdempotencyKeyEntity, { apiKeyId, key });
    if (!row) return this.begin(apiKeyId, key, requestHash, abandonAfterMs); // deleted in between
    if (row.requestHash !== requestHash) {
      throw new DomainError('idempotency_key_reused', 422, 'Idempotency key reused', 'This Idempotency-Key was used with a different request body; use a new key for a new request.');
    }
    if (row.responseStatus !== null) return { kind: 'replay', status: row.responseStatus, body: row.responseBody };
    if (row.labelId === null && row.createdAt.getTime() < Date.now() - abandonAfterMs) {
      // The first request died before creating its label: nothing was bought, take the key over.
      const taken = await this.dataSource.manager.update(IdempotencyKeyEntity, { apiKeyId, key, createdAt: row.createdAt, responseStatus: IsNull(), labelId: IsNull() }, { createdAt: new Date() });
      if (taken.affected) return { kind: 'proceed' };
    }
    throw Errors.conflict('idempotency_request_in_progress', 'A request with this Idempotency-Key is still being processed; retry after it finishes.');
  }

  async attachLabel(apiKeyId: string, key: string, labelId: string, manager: EntityManager): Promise<void> {
    await manager.update(IdempotencyKeyEntity, { apiKeyId, key }, { labelId });
  }

  async complete(apiKeyId: string, key: string, status: number, body: unknown, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(IdempotencyKeyEntity, { apiKeyId, key }, { responseStatus: status, responseBody: body as object, completedAt: new Date() });
  }

  /** Completes every key still waiting on this label (after reconcile settled it). */
  async completeForLabel(labelId: string, status: number, body: unknown, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(IdempotencyKeyEntity)
      .set({ responseStatus: status, responseBody: body as object, completedAt: new Date() })
      .where('label_id = :labelId AND response_status IS NULL', { labelId })
      .execute();
  }

  /** Forgets a key whose request bought nothing and may simply be retried. */
  async release(apiKeyId: string, key: string): Promise<void> {
    await this.dataSource.manager.delete(IdempotencyKeyEntity, { apiKeyId, key });
  }

  async deleteOlderThan(before: Date): Promise<number> {
    return (await this.dataSource.manager.delete(IdempotencyKeyEntity, { createdAt: LessThan(before) })).affected ?? 0;
  }
}
