import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface Lease {
  release(): Promise<void>;
}

/**
 * Mutual exclusion across instances without holding a connection or a transaction open
 * while upstream calls run (the embedded database has one connection): a row that one holder
 * owns until it expires. Used where two writers would overwrite each other, e.g. two labels'
 * write-backs to the same DEAR fulfilment (a ship POST replaces all its lines).
 */
@Injectable()
export class LeaseService {
  constructor(private readonly dataSource: DataSource) {}

  async tryAcquire(key: string, ttlMs: number): Promise<Lease | undefined> {
    const holder = randomUUID();
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO leases (key, holder, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (key) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at WHERE leases.expires_at < now()
       RETURNING holder`,
      [key, holder, ttlMs / 1000],
    );
    if (rows.length === 0) return undefined;
    return {
      release: async () => void (await this.dataSource.query(`DELETE FROM leases WHERE key = $1 AND holder = $2`, [key, holder])),
    };
  }
}
