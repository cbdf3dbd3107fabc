#!/usr/bin/env node
// Fails when the Drizzle schema in code and the checked-in SQL migrations disagree (drift).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const migrations = path.join(root, 'apps/server/migrations');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'migr-'));
fs.cpSync(migrations, tmp, { recursive: true });
const config = path.join(tmp, 'drizzle.config.mjs');
fs.writeFileSync(
  config,
  `export default { dialect: 'postgresql', schema: ${JSON.stringify(path.join(root, 'apps/server/src/db/schema/index.ts'))}, out: ${JSON.stringify(path.relative(root, tmp))} };\n`,
);
const before = fs.readdirSync(tmp).length;
const r = spawnSync(process.execPath, [path.join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--config', config], {
  cwd: root,
  encoding: 'utf8',
});
const after = fs.readdirSync(tmp).length;
fs.rmSync(tmp, { recursive: true, force: true });
if (r.status !== 0 || !/No schema changes/.test(r.stdout + r.stderr)) {
  if (after === before) {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
}
if (after !== before) {
  console.error('Lược đồ trong mã khác với migration đã lưu: chạy "npm run db:generate" và commit migration mới.');
  process.exit(1);
}
console.log('Migration khớp với lược đồ (không có thay đổi chưa sinh migration).');
