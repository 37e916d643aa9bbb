import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ConnectionSettings } from '../connection-settings';

export type OrderSyncMode = 'none' | 'custom_store' | 'shipstation_store';

/**
 * A DEAR organisation paired with a ShipStation account (SPEC §2). Secrets are stored only as
 * ciphertext (see SecretBox); settings that have no secrets live in `settings`.
 */
@Entity('connections')
// Methods 1 and 2 are exclusive per DEAR organisation (SPEC §1): at most one syncing connection.
@Index('UQ_connections_syncing_dear_account', ['dearAccountId'], { unique: true, where: `"order_sync_mode" <> 'none'` })
@Index('IDX_connections_custom_store_username', ['customStoreUsername'])
export class ConnectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'dear_account_id' })
  dearAccountId: string;

  @Column('text', { name: 'dear_application_key_enc' })
  dearApplicationKeyEnc: string;

  @Column('text', { name: 'dear_base_url' })
  dearBaseUrl: string;

  @Column('text', { name: 'shipstation_api_key_enc' })
  shipstationApiKeyEnc: string;

  @Column('text', { name: 'shipstation_api_secret_enc' })
  shipstationApiSecretEnc: string;

  @Column('text', { name: 'shipstation_base_url' })
  shipstationBaseUrl: string;

  @Column('text', { name: 'order_sync_mode', default: 'none' })
  orderSyncMode: OrderSyncMode;

  @Column('text', { name: 'custom_store_username', nullable: true })
  customStoreUsername: string | null;

  @Column('text', { name: 'custom_store_password_enc', nullable: true })
  customStorePasswordEnc: string | null;

  @Column('jsonb', { default: {} })
  settings: ConnectionSettings;

  /** The connection `npm start` creates for the simulators; created once. */
  @Column('boolean', { default: false })
  sandbox: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) // ms, like JS dates: keyset cursors compare exactly
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
