import { BeforeApplicationShutdown, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { LOGGER } from '../logging/logger';

/**
 * The PostgreSQL-backed job queue (pg-boss 10, the last line that supports Node 20).
 * pg-boss runs its SQL through TypeORM's own `pg` pool: in embedded mode that pool is the
 * single connection PGlite can serve (notes/embedded-postgres.md), and on a server it is one
 * pool to size instead of two.
 */
@Injectable()
export class JobsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly boss: PgBoss;
  private running = false;
  private readonly queues = new Set<string>();
  /** Handlers still running: shutdown waits for them so none touches a closed pool. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(dataSource: DataSource, @Inject(LOGGER) private readonly logger: Logger) {
    const pool = (dataSource.driver as PostgresDriver).master as Pool;
    this.boss = new PgBoss({
      db: { executeSql: async (text: string, values: unknown[]) => pool.query(text, values) },
      schema: 'pgboss',
      supervise: true,
      schedule: true,
      // pg-boss's minimum; an outbox job is picked up within this time.
      pollingIntervalSeconds: 0.5,
    } as PgBoss.ConstructorOptions);
    this.boss.on('error', (err) => this.logger.error({ err }, 'job queue error'));
  }

  /** Runs before any module's bootstrap hook, so workers can register there. */
  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.running = true;
  }

  /** Lets running handlers finish (bounded) before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    await Promise.allSettled([...this.inFlight]);
    // A worker may be between polls; give its last fetch time to finish before the pool closes.
    await sleep(100);
  }

  async ensureQueue(name: string, options: Omit<PgBoss.Queue, 'name'> = {}): Promise<void> {
    if (this.queues.has(name)) return;
    await this.boss.createQueue(name, { name, ...options });
    this.queues.add(name);
  }

  /** Enqueues a job; with `manager`, inside that transaction (the transactional outbox). */
  async send(name: string, data: object, options: PgBoss.SendOptions = {}, manager?: EntityManager): Promise<string | null> {
    await this.ensureQueue(name);
    const runner = manager?.queryRunner;
    const db = runner
      ? { executeSql: async (text: string, values: unknown[]) => ({ rows: (await runner.query(text, values, true)).records }) }
      : undefined;
    return this.boss.send(name, data, { ...options, ...(db ? { db } : {}) });
  }

  async work<T extends object>(name: string, handler: (job: PgBoss.Job<T>) => Promise<void>, options: PgBoss.WorkOptions = {}): Promise<void> {
    await this.ensureQueue(name);
    await this.boss.work<T>(name, { batchSize: 1, ...options }, async (jobs) => {
      for (const job of jobs) {
        const run = handler(job);
        const tracked = run.then(() => undefined, () => undefined);
        this.inFlight.add(tracked);
        try {
          await run;
        } finally {
          this.inFlight.delete(tracked);
        }
      }
    });
  }

  async schedule(name: string, cron: string, data: object = {}): Promise<void> {
    await this.ensureQueue(name);
    await this.boss.schedule(name, cron, data);
  }

  async ping(): Promise<boolean> {
    return this.running && Boolean(await this.boss.isInstalled());
  }
}
