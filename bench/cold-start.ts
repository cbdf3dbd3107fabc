/**
 * Cold-start benchmark (issue 2): time from launching `npm start`'s server on an empty data directory
 * (initdb + migrations + seed of 34 provinces, 3,321 communes, ~40,000 units, demo accounts) until
 * /api/health answers; then a warm restart on the same directory. Writes bench/results/cold-start.json.
 *   npm run bench:cold-start [-- --runs 3]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../apps/server/src/db/embedded.ts';
import { machine, today, writeSection } from './lib.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);

async function startAndTime(dataDir: string): Promise<{ ms: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SKIP_WEB_BUILD: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error('server exited');
    await new Promise((r) => setTimeout(r, 25));
  }
  const ms = performance.now() - t0;
  return {
    ms,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coldstart-'));
  fs.chmodSync(dir, 0o755);
  const a = await startAndTime(dir);
  cold.push(a.ms);
  await a.stop();
  const stale = fs.existsSync(path.join(dir, 'pg/postmaster.pid'));
  const b = await startAndTime(dir);
  warm.push(b.ms);
  await b.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`run ${i + 1}: cold ${a.ms.toFixed(0)} ms, warm restart ${b.ms.toFixed(0)} ms, stale postmaster.pid after stop: ${stale}`);
  if (stale) throw new Error('postmaster.pid left behind after SIGTERM');
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const result = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  runs,
  coldMs: cold.map(Math.round),
  warmMs: warm.map(Math.round),
  coldMedianMs: Math.round(median(cold)),
  warmMedianMs: Math.round(median(warm)),
  targetColdMs: 10_000,
  pass: median(cold) <= 10_000,
};
if (process.env.BENCH_SMOKE !== '1') {
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/results/cold-start.json'), JSON.stringify(result, null, 2));
}
console.log(JSON.stringify(result, null, 2));
writeSection(
  'cold-start',
  `## Cold start on an empty data directory (issue 2, issue 7)

- Date: ${today()} · machine: ${machine()}
- What is timed: launching the server (\`scripts/start.mjs\` with the web client already built) on an empty \`DATA_DIR\` until
  \`/api/health\` answers: initdb, migrations, seed of 34 provinces, 3,321 communes, ${'≈'}40,000 default units, training orgs,
  positions, demo accounts and rosters (≈ 210 officials) with their needs review; then a warm restart on the same directory.
- Command: \`npm run bench:cold-start -- --runs ${runs}\`
- Target: cold start ≤ 10 s · **median ${result.coldMedianMs} ms (${(result.coldMedianMs / 10_000).toFixed(2)} of the limit) — ${result.pass ? 'PASS' : 'FAIL'}**

| run | cold (ms) | warm restart (ms) |
|---|---|---|
${cold.map((c, i) => `| ${i + 1} | ${Math.round(c)} | ${Math.round(warm[i]!)} |`).join('\n')}

No stale \`postmaster.pid\` was left after any SIGTERM stop (checked each run).`,
);
