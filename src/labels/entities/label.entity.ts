import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ResolvedShipment } from '../../rates/shipment';

/**
 * - `pending`: the purchase is being sent, or its answer was lost; it is settled by looking the
 *   shipment up in ShipStation (reconcile), never by buying again.
 * - `purchased`, `voided`: settled.
 * - `failed`: ShipStation bought nothing (refused, or reconcile found nothing).
 */
export type LabelStatus = 'pending' | 'purchased' | 'voided' | 'failed';
export type WriteBackStatus = 'pending' | 'done' | 'failed' | 'not_applicable';

/** What the label was bought with: everything ShipStation is sent. */
export interface LabelPurchase {
  shipment: ResolvedShipment;
  parcelIndex: number;
  carrierCode: string;
  serviceCode: string;
  packageCode: string;
  shipDate: string;
  testLabel: boolean;
  confirmation?: string;
  insurance?: { provider: string; insuredValue: string };
  notesToBuyer?: string;
}

export interface WriteBackOutcomeRecord {
  shipLine?: string;
  shipStatus?: string;
  freight?: string;
  freightNote?: string;
  voidCorrection?: string;
  voidDetail?: string;
}

@Entity('labels')
// One active label per sale box (SPEC §5), enforced by the database against races.
@Index('UQ_labels_active_box', ['connectionId', 'naturalKey'], { unique: true, where: `"natural_key" IS NOT NULL AND "status" IN ('pending', 'purchased')` })
@Index('IDX_labels_list', ['createdAt', 'id'])
@Index('IDX_labels_sale', ['connectionId', 'saleId'])
@Index('IDX_labels_settle', ['status', 'purchaseDeadline'])
@Index('IDX_labels_write_back', ['writeBackStatus'])
export class LabelEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'connection_id' })
  connectionId: string;

  @Column('text')
  status: LabelStatus;

  @Column('uuid', { name: 'sale_id', nullable: true })
  saleId: string | null;

  @Column('uuid', { name: 'fulfilment_task_id', nullable: true })
  fulfilmentTaskId: string | null;

  @Column('text', { nullable: true })
  box: string | null;

  /** `<sale>:<fulfilment>:<box>` unless allowAdditional; null for explicit shipments. */
  @Column('text', { name: 'natural_key', nullable: true })
  naturalKey: string | null;

  @Column('uuid', { name: 'quote_id', nullable: true })
  quoteId: string | null;

  @Column('text', { name: 'rate_id', nullable: true })
  rateId: string | null;

  @Column('jsonb')
  purchase: LabelPurchase;

  /** Sent to ShipStation as advancedOptions.customField1: how reconcile recognises the label. */
  @Column('text')
  reference: string;

  /** After this, no purchase call for the label can still be running anywhere. */
  @Column('timestamptz', { name: 'purchase_deadline' })
  purchaseDeadline: Date;

  @Column('text', { name: 'tracking_number', nullable: true })
  trackingNumber: string | null;

  @Column('bigint', { name: 'shipment_cost', nullable: true })
  shipmentCost: string | null;

  @Column('bigint', { name: 'insurance_cost', nullable: true })
  insuranceCost: string | null;

  @Column('text')
  currency: string;

  @Column('bigint', { name: 'shipstation_shipment_id', nullable: true })
  shipstationShipmentId: string | null;

  @Column('boolean', { name: 'has_document', default: false })
  hasDocument: boolean;

  @Column('boolean', { name: 'has_form', default: false })
  hasForm: boolean;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('timestamptz', { name: 'purchased_at', nullable: true })
  purchasedAt: Date | null;

  @Column('timestamptz', { name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column('text', { name: 'write_back_status' })
  writeBackStatus: WriteBackStatus;

  @Column('integer', { name: 'write_back_attempts', default: 0 })
  writeBackAttempts: number;

  @Column('text', { name: 'write_back_last_error', nullable: true })
  writeBackLastError: string | null;

  @Column('timestamptz', { name: 'write_back_completed_at', nullable: true })
  writeBackCompletedAt: Date | null;

  @Column('jsonb', { name: 'write_back_outcome', nullable: true })
  writeBackOutcome: WriteBackOutcomeRecord | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
