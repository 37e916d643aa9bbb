import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A named API key. Only a SHA-256 of the key is stored; the key itself is shown once. */
@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** Public part of the key, used to find the row before the constant-time hash comparison. */
  @Index('UQ_api_keys_prefix', { unique: true })
  @Column('text')
  prefix: string;

  @Column('text', { name: 'secret_hash' })
  secretHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) // ms, like JS dates: keyset cursors compare exactly
  createdAt: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
