import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/**
 * The data source used by the TypeORM CLI (`npm run migration:*`). It needs DATABASE_URL:
 * the embedded database serves one process only and must not be opened beside the app.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('DATABASE_URL must be set for the migration CLI (the embedded database serves the running app only).');
}
export default new DataSource(buildDataSourceOptions(url, { embedded: false }));
