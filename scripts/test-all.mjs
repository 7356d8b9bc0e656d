// `npm test`: lint, type check, unit, integration on PGlite (and on PostgreSQL when a URL is set), web build, browser journeys.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = '.tmp/reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
const results = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const res = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = res.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

const vitest = (project, report, env) =>
  run(
    `vitest ${project}${env.TEST_DB ? ` (${env.TEST_DB})` : ''}`,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/${report}.json`,
    ],
    env,
  );

run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
run('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
run('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('type check web', 'npx', ['tsc', '--noEmit', '-p', 'web/tsconfig.json']);
vitest('unit', 'unit', {});
vitest('integration', 'integration-pglite', { TEST_DB: 'pglite' });
if (pgUrl) vitest('integration', 'integration-postgres', { TEST_DB: 'postgres', TEST_DATABASE_URL: pgUrl });
else console.log('\n(Bỏ qua lượt PostgreSQL: chưa đặt DATABASE_URL hoặc TEST_DATABASE_URL.)');
if (run('web build', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])) {
  run('browser journeys', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` });
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['unit', 'integration-pglite', 'integration-postgres']) {
  const path = `${reports}/${file}.json`;
  if (!existsSync(path)) continue;
  const r = JSON.parse(readFileSync(path, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
if (existsSync(`${reports}/playwright.json`)) {
  const s = JSON.parse(readFileSync(`${reports}/playwright.json`, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}
console.log('\n=== Tóm tắt ===');
for (const r of results) console.log(`${r.ok ? 'ĐẠT ' : 'LỖI '} ${r.name} (${r.seconds} s)`);
const stepsFailed = results.filter((r) => !r.ok).length;
if (stepsFailed > 0 && failed === 0) failed = stepsFailed;
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
