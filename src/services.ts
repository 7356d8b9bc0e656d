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

/** Opens the database, applies migrations, loads the demo on an empty database, and sets up auth. */
export async function openServices(env: Env): Promise<Services> {
  const database = await createDb({
    url: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : resolve(env.DATA_DIR),
  });
  await runMigrations(database);
  await ensureReferenceData(database.db);
  const demoLoaded = env.DEMO === '1' ? await loadDemoIfEmpty(database.db) : false;
  const secret = await resolveAuthSecret(database.db, env.AUTH_SECRET);
  const auth = createAuth(database.db, { secret, baseURL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` });
  return { database, auth, demoLoaded };
}
