import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock';

export interface EmbeddedDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts PGlite behind its socket server so the app talks `pg` exactly as it does to a real
 * server. One connection only: the socket multiplexer interleaves protocol messages across
 * connections and corrupts concurrent transactions (notes/embedded-postgres.md, pglite#1046).
 *
 * @param dataDir where the database lives; `undefined` keeps it in memory (tests).
 */
export async function startEmbeddedDatabase(dataDir: string | undefined): Promise<EmbeddedDatabase> {
  const release = dataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create(dataDir ? join(dataDir, 'pglite') : undefined);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    return {
      url,
      async close() {
        await server.stop();
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
