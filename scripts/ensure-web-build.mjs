// Builds the web app when web/dist is missing or older than the sources, so `npm start` always serves the current UI.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    return Math.max(max, time);
  }, 0);

const built = 'web/dist/index.html';
const sources = Math.max(newest('web/src'), newest('src/contracts'), statSync('web/index.html').mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Đang dựng giao diện web (vite build)...');
  execSync('npx vite build --config web/vite.config.ts --logLevel warn', { stdio: 'inherit' });
}
