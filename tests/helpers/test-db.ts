import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Database } from '../../src/db/client.js';
import { postgresAdminUrl, testDbKind, withDatabase } from './test-db-kind.js';

async function admin(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

/** A private copy of the run's template database (migrated, with the demo data). */
export async function openTestDb(): Promise<Database> {
  if (testDbKind() === 'postgres') {
    const name = `doanso_t_${randomBytes(6).toString('hex')}`;
    await admin(`create database ${name} template ${inject('templateDatabase')}`);
    const database = await createDb({ url: withDatabase(postgresAdminUrl(), name) });
    return {
      ...database,
      close: async () => {
        await database.close();
        await admin(`drop database if exists ${name}`);
      },
    };
  }
  const tar = readFileSync(inject('templatePath'));
  return createDb({ loadDataDir: new Blob([tar]) });
}
