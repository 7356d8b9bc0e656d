import { loadEnv } from '../config/env.js';
import { loadDemoIfEmpty } from '../seed/demo.js';
import { parseArgs } from './args.js';
import { openConfiguredDatabase } from '../services.js';

/** `npm run seed [-- --demo]`: reference data, and the demo when asked and the database is empty. */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const database = await openConfiguredDatabase(loadEnv());
  try {
    if (!args.has('demo')) {
      console.log('Đã nạp dữ liệu danh mục. Thêm --demo để nạp dữ liệu mẫu.');
      return;
    }
    const loaded = await loadDemoIfEmpty(database.db);
    console.log(
      loaded
        ? 'Đã nạp dữ liệu mẫu.'
        : 'Cơ sở dữ liệu đã có đơn vị: bỏ qua dữ liệu mẫu (chỉ nạp vào cơ sở dữ liệu trống).',
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
