import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per upstream credential: the send times of its recent calls, shared by every
 * instance through PostgreSQL (SPEC §3), and a pause set from the upstream's own signals.
 */
@Entity('upstream_budgets')
export class UpstreamBudgetEntity {
  /** `shipstation:<hash of the key pair>` or `dear:<account id>`; never a secret. */
  @PrimaryColumn('text')
  key: string;

  @Column('timestamptz', { array: true, default: () => "'{}'" })
  calls: Date[];

  @Column('timestamptz', { name: 'blocked_until', nullable: true })
  blockedUntil: Date | null;
}
