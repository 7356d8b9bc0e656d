import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { loadDemo } from '../../src/seed/demo.js';
import { adminQuery, postgresAdminUrl, testDbKind, withDatabase } from './test-db-kind.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templatePath: string;
    templateDatabase: string;
  }
}

async function buildPgliteTemplate(): Promise<string> {
  const database = await createDb({});
  await runMigrations(database);
  await loadDemo(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `template-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return path;
}

async function buildPostgresTemplate(): Promise<string> {
  const name = `doanso_tpl_${process.pid}`;
  await adminQuery(`drop database if exists ${name}`);
  await adminQuery(`create database ${name}`);
  const database = await createDb({ url: withDatabase(postgresAdminUrl(), name) });
  await runMigrations(database);
  await loadDemo(database.db);
  await database.close();
  return name;
}

/** Builds one migrated database with the demo data per run; each test file opens a copy of it. */
export default async function setup(project: TestProject) {
  if (testDbKind() === 'postgres') {
    const name = await buildPostgresTemplate();
    project.provide('templateDatabase', name);
    project.provide('templatePath', '');
    return async () => {
      await adminQuery(`drop database if exists ${name}`);
    };
  }
  const path = await buildPgliteTemplate();
  project.provide('templatePath', path);
  project.provide('templateDatabase', '');
  return async () => {
    const { rmSync } = await import('node:fs');
    rmSync(path, { force: true });
  };
}
