import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { createLogger } from '../logging/logger';
import { Metrics } from '../metrics/metrics';
import { buildOpenApiDocument, openApiYaml } from '../openapi/openapi';

/**
 * `npm run openapi`: writes openapi.yaml from the application's decorators. Nest's preview mode
 * builds the module graph without instantiating providers, so no database or server is needed.
 */
async function main(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', ADMIN_API_KEY: 'x'.repeat(32), ENCRYPTION_KEY: randomBytes(32).toString('hex'), SANDBOX: '0' });
  const logger = createLogger('silent');
  const app = await NestFactory.create(
    AppModule.register({ config, logger, metrics: new Metrics(), databaseUrl: 'postgres://unused/none', embeddedDatabase: false }),
    { preview: true, logger: false, abortOnError: false },
  );
  const target = join(__dirname, '..', '..', '..', 'openapi.yaml');
  writeFileSync(target, openApiYaml(buildOpenApiDocument(app)));
  process.stdout.write(`wrote ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
