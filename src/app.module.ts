import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApiKeyGuard } from './common/auth/api-key.guard';
import { SecretBox } from './common/crypto/secret-box';
import { ProblemFilter } from './common/errors/problem.filter';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { CarriersModule } from './carriers/carriers.module';
import { ConnectionsModule } from './connections/connections.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { HealthController } from './health/health.controller';
import { JobsModule } from './jobs/jobs.module';
import { LOGGER } from './logging/logger';
import { Metrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import { LabelsModule } from './labels/labels.module';
import { RatesModule } from './rates/rates.module';
import { UpstreamModule } from './upstream/upstream.module';

/** What the app is built from; resolved before Nest starts (see app.factory.ts). */
export interface AppDependencies {
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
  databaseUrl: string;
  embeddedDatabase: boolean;
}

@Global()
@Module({})
class CoreModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: deps.config },
        { provide: LOGGER, useValue: deps.logger },
        { provide: Metrics, useValue: deps.metrics },
        { provide: SecretBox, useValue: new SecretBox(deps.config.encryptionKeys) },
      ],
      exports: [APP_CONFIG, LOGGER, Metrics, SecretBox],
    };
  }
}

@Module({})
export class AppModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(deps),
        TypeOrmModule.forRoot(
          buildDataSourceOptions(deps.databaseUrl, {
            embedded: deps.embeddedDatabase,
            poolSize: deps.config.databasePoolSize,
            migrationsRun: deps.config.migrationsRun,
          }),
        ),
        JobsModule,
        ApiKeysModule,
        ConnectionsModule,
        UpstreamModule,
        CarriersModule,
        RatesModule,
        LabelsModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useFactory: () => new ProblemFilter(deps.logger) },
      ],
    };
  }
}
