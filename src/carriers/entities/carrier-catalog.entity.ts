import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ConnectionEntity } from '../../connections/entities/connection.entity';
import type { CarrierCatalog } from '../carrier-catalog';

/** A connection's carriers with their services and packages, as last fetched from ShipStation. */
@Entity('carrier_catalogs')
export class CarrierCatalogEntity {
  @PrimaryColumn('uuid', { name: 'connection_id' })
  connectionId: string;

  @OneToOne(() => ConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id' })
  connection?: ConnectionEntity;

  /** The connection's updatedAt when fetched: new credentials make the catalog stale. */
  @Column('timestamptz', { name: 'connection_version' })
  connectionVersion: Date;

  @Column('jsonb')
  catalog: CarrierCatalog;

  @Column('timestamptz', { name: 'fetched_at' })
  fetchedAt: Date;
}
