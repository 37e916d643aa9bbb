import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Minor } from '../../common/money/money';
import type { ResolvedShipment } from '../shipment';

/** A priced rate as kept with its quote; money in minor units. */
export interface StoredRate {
  rateId: string;
  carrierCode: string;
  carrierName: string;
  serviceCode: string;
  serviceName: string;
  packageCode: string;
  shipmentCost: Minor;
  otherCost: Minor;
}

export interface StoredRateError {
  carrierCode: string;
  code: string;
  message: string;
}

/**
 * A rate answer (SPEC §4): what was asked (the resolved shipment, so a label buys exactly what
 * was quoted), the rates and the carriers that failed. Quotes with errors are kept for their
 * rateIds but never served again from the cache.
 */
@Entity('quotes')
@Index('IDX_quotes_lookup', ['connectionId', 'requestHash', 'expiresAt'])
@Index('IDX_quotes_expires_at', ['expiresAt'])
export class QuoteEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'connection_id' })
  connectionId: string;

  /** The connection's updatedAt when quoted: a changed connection invalidates cached quotes. */
  @Column('timestamptz', { name: 'connection_version' })
  connectionVersion: Date;

  @Column('text', { name: 'request_hash' })
  requestHash: string;

  @Column('boolean')
  cacheable: boolean;

  @Column('text')
  currency: string;

  @Column('jsonb')
  shipment: ResolvedShipment;

  @Column('jsonb')
  rates: StoredRate[];

  @Column('jsonb')
  errors: StoredRateError[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;
}
