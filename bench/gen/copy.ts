/** COPY … FROM STDIN helpers for the generator: rows as arrays of values, text format, one COPY per chunk. */
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | boolean | null | undefined;

function esc(v: Cell): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}

/**
 * COPYs run one after another on one connection, in the order they were queued (so foreign keys
 * are satisfied), while the generator goes on producing the next chunk.
 */
export class CopyQueue {
  private tail: Promise<void> = Promise.resolve();
  constructor(readonly client: PoolClient) {}

  enqueue(table: string, columns: string[], text: string): Promise<void> {
    const run = async () => {
      const stream = this.client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', resolve);
        stream.end(text);
      });
    };
    this.tail = this.tail.then(run);
    return this.tail;
  }

  /** Resolves when everything queued so far is loaded. */
  drain(): Promise<void> {
    return this.tail;
  }
}

/** Collects rows of one table; `flush` queues them as one COPY. */
export class CopyBuffer {
  private parts: string[] = [];
  private size = 0;
  rows = 0;
  constructor(
    private readonly queue: CopyQueue,
    private readonly table: string,
    private readonly columns: string[],
  ) {}

  push(values: Cell[]): void {
    let line = esc(values[0]);
    for (let i = 1; i < values.length; i++) line += '\t' + esc(values[i]);
    line += '\n';
    this.parts.push(line);
    this.size += line.length;
    this.rows++;
  }

  get pending(): number {
    return this.size;
  }

  /** Queues the collected rows (does not wait for them to load; see CopyQueue.drain). */
  flush(): Promise<void> {
    if (this.parts.length === 0) return Promise.resolve();
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return this.queue.enqueue(this.table, this.columns, text);
  }
}

/** Calendar helpers on ISO dates (UTC, no time zones). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);
