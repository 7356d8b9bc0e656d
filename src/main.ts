import { resolve } from 'node:path';
import { loadEnv } from './config/env.js';
import { openServices } from './services.js';
import { createApp } from './http/app.js';
import { DEMO_ACCOUNTS } from './seed/demo-accounts.js';

async function main(): Promise<void> {
  const env = loadEnv();
  const services = await openServices(env);
  const app = await createApp({
    database: services.database,
    auth: services.auth,
    logLevel: env.LOG_LEVEL,
    webDist: env.WEB_DIST,
  });
  await app.listen({ port: env.PORT, host: env.HOST });
  const where =
    services.database.kind === 'pglite' ? `PGlite tại ${resolve(env.DATA_DIR)}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`\nĐoàn Số đang chạy: http://localhost:${env.PORT}  (cơ sở dữ liệu: ${where})`);
  console.log(`Tài liệu API: http://localhost:${env.PORT}/api/docs`);
  if (services.demoLoaded || env.DEMO === '1') {
    console.log('Tài khoản dùng thử:');
    for (const a of DEMO_ACCOUNTS)
      console.log(`  ${a.username.padEnd(10)} / ${a.password.padEnd(14)} ${a.description}`);
  }
  const stop = async () => {
    await app.close();
    await services.database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
