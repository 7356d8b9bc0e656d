import { resolve } from 'node:path';
import type { Env } from './config/env.js';
import { createDb, type Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { createAuth, resolveAuthSecret, type Auth } from './auth/auth.js';
import { loadDemoIfEmpty } from './seed/demo.js';
import { ensureReferenceData } from './seed/reference.js';

export interface Services {
  database: Database;
  auth: Auth;
  demoLoaded: boolean;
}

/** Opens the configured database (PostgreSQL or PGlite in DATA_DIR), migrated and with its reference data. */
export async function openConfiguredDatabase(env: Env): Promise<Database> {
  const database = await createDb({
    url: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : resolve(env.DATA_DIR),
  });
  await runMigrations(database);
  await ensureReferenceData(database.db);
  return database;
}

/** Opens the database, loads the demo into an empty one when DEMO=1, and sets up auth. */
export async function openServices(env: Env): Promise<Services> {
  const database = await openConfiguredDatabase(env);
  const demoLoaded = env.DEMO === '1' ? await loadDemoIfEmpty(database.db) : false;
  const secret = await resolveAuthSecret(database.db, env.AUTH_SECRET);
  const auth = createAuth(database.db, { secret, baseURL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` });
  return { database, auth, demoLoaded };
}
