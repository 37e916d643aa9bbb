import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An `Idempotency-Key` as received (SPEC §5, Appendix A): scoped to the API key that sent it,
 * with a hash of the request and, once answered, the response to replay.
 */
@Entity('idempotency_keys')
@Index('IDX_idempotency_keys_created_at', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn('text', { name: 'api_key_id' })
  apiKeyId: string;

  @PrimaryColumn('text')
  key: string;

  @Column('text', { name: 'request_hash' })
  requestHash: string;

  /** The label the request created, set in the same transaction as the label row. */
  @Column('uuid', { name: 'label_id', nullable: true })
  labelId: string | null;

  @Column('integer', { name: 'response_status', nullable: true })
  responseStatus: number | null;

  @Column('jsonb', { name: 'response_body', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;
}
