import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ConnectionsService, UpstreamCredentials } from '../connections/connections.service';
import { ConnectionEntity } from '../connections/entities/connection.entity';
import { LOGGER } from '../logging/logger';
import { Metrics } from '../metrics/metrics';
import { RateBudget } from './budget/rate-budget';
import { DearClient } from './dear/dear.client';
import { DearDialect } from './dear/dear.dialect';
import { UpstreamClientDeps, UpstreamHttpClient } from './http/upstream-http-client';
import { ShipStationClient } from './shipstation/shipstation.client';
import { ShipStationDialect } from './shipstation/shipstation.dialect';

/** A job may wait this long for its turn in the budget (10 minutes; pg-boss expires jobs at 15). */
export const BACKGROUND_BUDGET_WAIT_MS = 10 * 60 * 1000;

export interface ConnectionClients {
  credentials: UpstreamCredentials;
  shipstation: ShipStationClient;
  dear: DearClient;
}

/**
 * Builds the two upstream clients of a connection. Budgets are keyed by credential, not by
 * connection: two connections sharing a ShipStation key pair or a DEAR account share its budget
 * (DEAR's limit may be account-wide, reference/dear.md §1.4).
 */
@Injectable()
export class UpstreamClients {
  private readonly deps: UpstreamClientDeps;

  constructor(
    private readonly connections: ConnectionsService,
    dataSource: DataSource,
    metrics: Metrics,
    @Inject(LOGGER) logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.deps = {
      budget: new RateBudget(dataSource, config.upstreamBudgetWaitMs),
      metrics,
      logger: logger.child({ component: 'upstream' }),
      timeoutMs: config.upstreamTimeoutMs,
      maxAttempts: config.upstreamMaxAttempts,
      backoffBaseMs: config.upstreamBackoffBaseMs,
    };
  }

  /**
   * Pass the entity when the caller has it loaded already: it saves a query on hot paths.
   * `background` clients (jobs) wait for the budget as long as it takes within
   * BACKGROUND_BUDGET_WAIT_MS, rather than answering 503 like a request would.
   */
  async forConnection(connection: string | ConnectionEntity, opts: { background?: boolean } = {}): Promise<ConnectionClients> {
    const entity = typeof connection === 'string' ? await this.connections.get(connection) : connection;
    return this.fromCredentials(this.connections.credentialsOf(entity), opts);
  }

  fromCredentials(credentials: UpstreamCredentials, opts: { background?: boolean } = {}): ConnectionClients {
    const maxWaitMs = opts.background ? Math.max(BACKGROUND_BUDGET_WAIT_MS, this.config.upstreamBudgetWaitMs) : this.config.upstreamBudgetWaitMs;
    const windowMs = this.config.upstreamWindowMs;
    const { shipstation: ss, dear } = credentials;
    const ssKey = `shipstation:${createHash('sha256').update(`${ss.apiKey}:${ss.apiSecret}`).digest('hex').slice(0, 24)}`;
    return {
      credentials,
      shipstation: new ShipStationClient(
        new UpstreamHttpClient(new ShipStationDialect(ss.apiKey, ss.apiSecret, windowMs), ss.baseUrl, { key: ssKey, limit: ss.perMinute, windowMs, maxWaitMs }, this.deps),
      ),
      dear: new DearClient(
        new UpstreamHttpClient(new DearDialect(dear.accountId, dear.applicationKey, windowMs), dear.baseUrl, { key: `dear:${dear.accountId}`, limit: dear.perMinute, windowMs, maxWaitMs }, this.deps),
      ),
    };
  }
}
