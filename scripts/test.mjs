#!/usr/bin/env node
// `npm test`: API and unit tests (vitest, real PostgreSQL), then browser tests (Playwright, Chromium).
// Browser tests are never skipped: without Chromium at /usr/bin/chromium (or CHROMIUM_PATH) they fail.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (p) => path.join(root, 'node_modules', p);
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`Thiếu Chromium tại ${chromium}: cài bằng "apt-get install -y chromium" (kiểm thử trình duyệt là bắt buộc).`);
  process.exit(1);
}
const api = run([bin('vitest/vitest.mjs'), 'run']);
if (api !== 0) process.exit(api);
process.exit(run([bin('@playwright/test/cli.js'), 'test']));
