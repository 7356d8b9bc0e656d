import { loadEnv } from '../config/env.js';
import { createAdmin } from '../modules/accounts/create-admin.js';
import { parseArgs } from './args.js';
import { openConfiguredDatabase } from '../services.js';

const usage = 'Cách dùng: npm run create-admin -- --username <tên> --password <mật khẩu> [--name "Họ và tên"]';

/** `npm run create-admin`: a system administrator on the root unit (created if the tree is empty). */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const username = args.get('username');
  const password = args.get('password');
  const name = args.get('name');
  if (typeof username !== 'string' || typeof password !== 'string') throw new Error(usage);
  const database = await openConfiguredDatabase(loadEnv());
  try {
    const result = await createAdmin(database.db, {
      username,
      password,
      name: typeof name === 'string' ? name : 'Quản trị hệ thống',
    });
    console.log(`Đã tạo tài khoản quản trị "${result.username}" trên đơn vị "${result.unitName}".`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
