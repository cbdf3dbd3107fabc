/**
 * The benchmark suite, one benchmark after another on the generated dataset (issue 7):
 *   npm run bench                 every benchmark at full length; each writes its docs/BENCHMARKS.md section
 *   npm run bench -- --smoke      few iterations, no timing assertions, docs/BENCHMARKS.md untouched (CI)
 *   npm run bench -- --only self-report,officials
 * Benchmarks of modules that are not in package.json yet are skipped with a note. The dataset is the one
 * in DATA_DIR (default ./data-bench) made by `npm run gen:national`; `--gen <scale>` generates it first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ROOT } from './lib.ts';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    gen: { type: 'string' },
    today: { type: 'string' },
  },
});
const smoke = values.smoke;
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Bench {
  name: string;
  script: string;
  args?: string[];
  smokeArgs?: string[];
  smokeEnv?: Record<string, string>;
}

/** In order: the ones that read the generated dataset, then the ones that make their own database. */
const SUITE: Bench[] = [
  { name: 'officials', script: 'bench:officials', smokeEnv: { BENCH_ROUNDS: '3' } },
  { name: 'kpi', script: 'bench:kpi', smokeArgs: ['--smoke'], smokeEnv: { BENCH_ROUNDS: '3' } },
  { name: 'warnings', script: 'bench:warnings', smokeArgs: ['--smoke'], smokeEnv: { BENCH_ROUNDS: '2', BENCH_NATION_COLD_ROUNDS: '1' } },
  { name: 'report', script: 'bench:report', smokeArgs: ['--smoke'], smokeEnv: { BENCH_ROUNDS: '1' } },
  { name: 'library', script: 'bench:library', smokeArgs: ['--smoke'], smokeEnv: { BENCH_ROUNDS: '3' } },
  { name: 'self-report', script: 'bench:self-report', smokeArgs: ['--smoke'] },
  { name: 'import', script: 'bench:import', smokeEnv: { BENCH_IMPORT_ROWS: '300' } },
  { name: 'cold-start', script: 'bench:cold-start', args: ['--runs', '3'], smokeArgs: ['--runs', '1'] },
];

const only = values.only ? new Set(values.only.split(',')) : null;
const env = { ...process.env, ...(smoke ? { BENCH_SMOKE: '1' } : {}) };
const rows: { name: string; status: string; seconds: number }[] = [];

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): { ok: boolean; seconds: number } {
  const t = performance.now();
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return { ok: r.status === 0, seconds: (performance.now() - t) / 1000 };
}

if (values.gen) {
  const args = ['run', 'gen:national', '--', '--scale', values.gen, '--seed', '42', ...(values.today ? ['--today', values.today] : [])];
  const r = run('npm', args);
  rows.push({ name: `gen:national --scale ${values.gen}`, status: r.ok ? 'ok' : 'FAILED', seconds: r.seconds });
  if (!r.ok) process.exit(1);
}

for (const b of SUITE) {
  if (only && !only.has(b.name)) continue;
  if (!scripts[b.script]) {
    console.log(`\n– ${b.name}: no "${b.script}" script yet, skipped`);
    rows.push({ name: b.name, status: 'skipped (script missing)', seconds: 0 });
    continue;
  }
  const args = smoke ? (b.smokeArgs ?? []) : (b.args ?? []);
  const r = run('npm', ['run', b.script, ...(args.length ? ['--', ...args] : [])], smoke ? (b.smokeEnv ?? {}) : {});
  rows.push({ name: b.name, status: r.ok ? (smoke ? 'ran' : 'pass') : smoke ? 'FAILED' : 'FAIL (or error)', seconds: r.seconds });
}

console.log(`\n${smoke ? 'Smoke run' : 'Benchmark suite'} summary:`);
for (const r of rows) console.log(`  ${r.name.padEnd(28)} ${r.status.padEnd(26)} ${r.seconds.toFixed(1)} s`);
// In smoke mode a benchmark that ran but missed a timing target is still fine; only crashes fail.
if (rows.some((r) => r.status === 'FAILED' || (!smoke && r.status.startsWith('FAIL')))) process.exitCode = 1;
