/**
 * Tables of modules that may not exist yet (or may have grown columns): a stage writes to such a
 * table only when it exists and every column without a default is one the stage fills.
 */
import type { PoolClient } from 'pg';

export async function usableTable(client: PoolClient, table: string, provided: string[], log: (m: string) => void): Promise<boolean> {
  const { rows } = await client.query<{ column_name: string; required: boolean }>(
    `select column_name, (is_nullable = 'NO' and column_default is null and is_identity = 'NO' and is_generated = 'NEVER') as required
       from information_schema.columns where table_schema = current_schema() and table_name = $1`,
    [table],
  );
  if (rows.length === 0) {
    log(`  (bỏ qua ${table}: bảng chưa có trong lược đồ)`);
    return false;
  }
  const have = new Set(rows.map((r) => r.column_name));
  const missing = provided.filter((c) => !have.has(c));
  const unfilled = rows.filter((r) => r.required && !provided.includes(r.column_name)).map((r) => r.column_name);
  if (missing.length || unfilled.length) {
    log(`  (bỏ qua ${table}: cột khác hợp đồng — thiếu [${missing.join(', ')}], bắt buộc chưa sinh [${unfilled.join(', ')}])`);
    return false;
  }
  return true;
}
