/** Shared helpers of the benchmark suite: percentiles, machine description, results written to docs/BENCHMARKS.md. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}; 1-min load average ${os.loadavg()[0]!.toFixed(1)} when written`;
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

/**
 * Replaces the section between `<!-- bench:<key> -->` and `<!-- /bench:<key> -->` in docs/BENCHMARKS.md
 * (appending it when missing), so each benchmark owns its part of the file.
 */
export function writeSection(key: string, markdown: string): void {
  if (process.env.BENCH_SMOKE === '1') {
    console.log(`[smoke] docs/BENCHMARKS.md not written (section ${key})`);
    return;
  }
  const file = path.join(ROOT, 'docs/BENCHMARKS.md');
  const start = `<!-- bench:${key} -->`;
  const end = `<!-- /bench:${key} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, text);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface GenMeta {
  scale: number;
  seed: number;
  today: string;
  officials: number;
  communes: number;
  seconds: number;
  officialsSeconds?: number;
  classes?: number;
  sessions?: number;
  enrolments?: number;
  attendance?: number;
  selfReports?: number;
  evaluations?: number;
  ratings?: number;
}

/** What `npm run gen:national` generated into the current DATA_DIR (null when unknown). */
export function genMeta(): GenMeta | null {
  const file = path.join(process.env.DATA_DIR ?? path.join(ROOT, 'data-bench'), 'gen-meta.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as GenMeta) : null;
}
