import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { DestinationStream, Logger } from 'pino';
import { AppModule } from './app.module';
import { jsonBody, requireJsonBody } from './common/http/body-parsing';
import { createValidationPipe } from './common/validation/validation-pipe';
import { AppConfig } from './config/app-config';
import { startEmbeddedDatabase } from './database/embedded-database';
import { httpLogging, requestId } from './logging/http-logging';
import { createLogger } from './logging/logger';
import { PinoNestLogger } from './logging/nest-logger';
import { Metrics } from './metrics/metrics';
import { buildOpenApiDocument } from './openapi/openapi';

export interface CreateAppOptions {
  /** Where JSON logs go (tests capture them); default stdout. */
  logDestination?: DestinationStream;
  /** Embedded database kept in memory instead of DATA_DIR (tests without DATABASE_URL). */
  embeddedInMemory?: boolean;
  /** Collect Node's default process metrics (off in tests: they are global per process). */
  defaultMetrics?: boolean;
}

export interface RunningApp {
  app: NestExpressApplication;
  logger: Logger;
  metrics: Metrics;
  embeddedDatabase: boolean;
  /** Closes the app, then the embedded database and its lock. */
  close(): Promise<void>;
}

/**
 * Resolves the database (DATABASE_URL, or embedded PGlite), then builds and configures the Nest
 * application the same way for `npm start`, tests, benchmarks and the OpenAPI script.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<RunningApp> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const metrics = new Metrics({ defaultMetrics: options.defaultMetrics });
  const embedded = config.databaseUrl ? undefined : await startEmbeddedDatabase(options.embeddedInMemory ? undefined : config.dataDir);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.register({ config, logger, metrics, databaseUrl, embeddedDatabase: !!embedded }),
      { bodyParser: false, logger: new PinoNestLogger(logger.child({ component: 'nest' })), abortOnError: false },
    );
  } catch (error) {
    await embedded?.close();
    throw error;
  }
  configureApp(app, logger, metrics);
  return {
    app,
    logger,
    metrics,
    embeddedDatabase: !!embedded,
    async close() {
      await app.close();
      await embedded?.close();
    },
  };
}

export function configureApp(app: INestApplication, logger: Logger, metrics: Metrics): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // API answers are not cached by clients by ETag; computing one per response costs CPU.
  express.set('etag', false);
  express.set('trust proxy', false);
  app.use(requestId);
  const logging = httpLogging(logger);
  if (logging) app.use(logging);
  app.use(metrics.middleware());
  app.use('/v1', requireJsonBody);
  app.use(jsonBody);
  app.useGlobalPipes(createValidationPipe());
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
    swaggerOptions: { persistAuthorization: true },
  });
}

