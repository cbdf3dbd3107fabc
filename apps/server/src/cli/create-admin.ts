/**
 * Creates the first national admin of an install (production has no demo data):
 *   npm run admin:create -- --username quantri --password '...' [--name 'Họ và tên']
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { seedReferenceData } from '../seed/reference.ts';
import { ensureNationalAdmin } from '../seed/admin.ts';

const { values } = parseArgs({
  options: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
});
if (!values.username || !values.password) {
  process.stderr.write('Cách dùng: npm run admin:create -- --username <tên> --password <mật khẩu> [--name "Họ và tên"]\n');
  process.exit(2);
}
const database = await openDatabase(loadConfig(), (m) => process.stdout.write(`${m}\n`));
try {
  await seedReferenceData(database.db);
  const created = await ensureNationalAdmin(database.db, values.username, values.password, values.name);
  process.stdout.write(created ? `Đã tạo quản trị quốc gia ${values.username} (phải đổi mật khẩu ở lần đăng nhập đầu).\n` : `Tài khoản ${values.username} đã tồn tại; không thay đổi.\n`);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
