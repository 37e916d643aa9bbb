import 'reflect-metadata';
import { createApp } from './app.factory';
import { loadConfig } from './config/app-config';
import { ConfigError } from './config/environment';
import { DataDirLockedError } from './database/data-dir-lock';
import { SEED } from './sandbox/dear/dear-seed';
import { Sandbox, startSandbox } from './sandbox/sandbox';

async function main(): Promise<void> {
  const startedAt = process.hrtime.bigint();
  const config = loadConfig();
  const running = await createApp(config, { defaultMetrics: true });
  const { app, logger } = running;
  await app.init();
  // The sandbox connection exists before the port opens, so readiness means "try it now".
  const sandbox = config.sandbox ? await startSandbox(app, logger) : undefined;
  await app.listen(config.port, config.host);
  const readyMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  logger.info({ port: config.port, embeddedDatabase: running.embeddedDatabase, readyMs: Math.round(readyMs) }, 'ready');
  printBanner(config, running.embeddedDatabase, sandbox);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await running.close();
      await sandbox?.close();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** The one place a human reads: where things are and, on first start, the admin key. */
function printBanner(config: ReturnType<typeof loadConfig>, embedded: boolean, sandbox: Sandbox | undefined): void {
  const base = config.publicBaseUrl;
  const lines = [
    '',
    'DEAR ⇄ ShipStation bridge is ready',
    `  API          ${base}/v1`,
    `  Swagger UI   ${base}/docs`,
    `  OpenAPI      ${base}/openapi.yaml`,
    `  Health       ${base}/health/ready`,
    `  Database     ${embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`,
  ];
  if (sandbox) {
    lines.push(
      `  Sandbox      connection ${sandbox.connectionId} → simulators ShipStation ${sandbox.shipstationUrl}, DEAR ${sandbox.dearUrl}`,
      `               sample DEAR sales: ${SEED.saleIds.packedOneBox} (packed, one box), ${SEED.saleIds.packedTwoBoxes} (two boxes)`,
    );
  }
  if (config.generatedAdminKey) {
    lines.push(`  Admin key    ${config.adminApiKey}`, `               (generated once, kept in ${config.dataDir}/secrets.json; printed only now)`);
  } else if (!process.env.ADMIN_API_KEY) {
    lines.push(`  Admin key    in ${config.dataDir}/secrets.json`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
