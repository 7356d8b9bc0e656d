import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { createDb, type Database } from '../../src/db/client.js';
import { adminQuery, postgresAdminUrl, testDbKind, withDatabase } from './test-db-kind.js';

/** A private copy of the run's template database (migrated, with the demo data). */
export async function openTestDb(): Promise<Database> {
  if (testDbKind() === 'postgres') {
    const name = `doanso_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name} template ${inject('templateDatabase')}`);
    const database = await createDb({ url: withDatabase(postgresAdminUrl(), name) });
    return {
      ...database,
      close: async () => {
        await database.close();
        await adminQuery(`drop database if exists ${name}`);
      },
    };
  }
  const tar = readFileSync(inject('templatePath'));
  return createDb({ loadDataDir: new Blob([tar]) });
}
