import { loadEnv } from '../config/env.js';
import { openConfiguredDatabase } from '../services.js';

/** `npm run db:migrate`: applies pending migrations and the reference data. */
async function main(): Promise<void> {
  const database = await openConfiguredDatabase(loadEnv());
  await database.close();
  console.log(`Đã cập nhật cấu trúc cơ sở dữ liệu (${database.kind}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
