import { resolve } from 'node:path';
import { loadEnv } from '../config/env.js';
import { createDb } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { loadDemoIfEmpty } from '../seed/demo.js';
import { ensureReferenceData } from '../seed/reference.js';
import { parseArgs } from './args.js';

/** `npm run seed [-- --demo]`: reference data, and the demo when asked and the database is empty. */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const env = loadEnv();
  const database = await createDb({
    url: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : resolve(env.DATA_DIR),
  });
  await runMigrations(database);
  await ensureReferenceData(database.db);
  if (args.has('demo')) {
    const loaded = await loadDemoIfEmpty(database.db);
    console.log(
      loaded
        ? 'Đã nạp dữ liệu mẫu.'
        : 'Cơ sở dữ liệu đã có đơn vị: bỏ qua dữ liệu mẫu (chỉ nạp vào cơ sở dữ liệu trống).',
    );
  } else {
    console.log('Đã nạp dữ liệu danh mục. Thêm --demo để nạp dữ liệu mẫu.');
  }
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
