import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A short exclusive claim on a named resource, shared by instances (see LeaseService). */
@Entity('leases')
export class LeaseEntity {
  @PrimaryColumn('text')
  key: string;

  @Column('uuid')
  holder: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;
}
