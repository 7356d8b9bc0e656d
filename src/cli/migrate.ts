import { resolve } from 'node:path';
import { loadEnv } from '../config/env.js';
import { createDb } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { ensureReferenceData } from '../seed/reference.js';

/** `npm run db:migrate`: applies pending migrations and the reference data. */
async function main(): Promise<void> {
  const env = loadEnv();
  const database = await createDb({
    url: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : resolve(env.DATA_DIR),
  });
  await runMigrations(database);
  await ensureReferenceData(database.db);
  await database.close();
  console.log(`Đã cập nhật cấu trúc cơ sở dữ liệu (${database.kind}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
