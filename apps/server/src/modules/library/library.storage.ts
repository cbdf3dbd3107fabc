/**
 * Where library files live (issue 8, SPEC §13 stateless servers): local disk under DATA_DIR/library by default
 * (LIBRARY_STORAGE_DIR overrides the folder), any S3-compatible service (AWS S3, MinIO, Ceph RGW…) when
 * LIBRARY_S3_ENDPOINT is set. Files are always streamed through the server, so the scope checks of the routes apply
 * to every byte; the S3 client is our own small SigV4 signer over fetch (docs/decisions/0009).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import crypto from 'node:crypto';
import { libraryStorageSettings, type LibraryStorageSettings } from '../../config.ts';
import { amzDate, authorization, EMPTY_SHA256, objectUrl } from './library.s3.rules.ts';

export type ByteRange = { start: number; end: number };

export interface LibraryStorage {
  /** Stores the bytes under the key (replacing any previous object). */
  put(key: string, data: Buffer, contentType?: string): Promise<void>;
  /** Size in bytes, or null when there is no such object (HEAD). */
  size(key: string): Promise<number | null>;
  /** The object's bytes, or the inclusive range of them; rejects before any byte when the store fails. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes the object; no error when it is already gone. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9-]+\/[a-z0-9.-]+$/;
function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`bad storage key ${key}`);
  return key;
}

export class LocalDiskStorage implements LibraryStorage {
  constructor(private readonly root: string) {}
  private file(key: string): string {
    return path.join(this.root, checkKey(key));
  }
  async put(key: string, data: Buffer): Promise<void> {
    const f = this.file(key);
    await fs.promises.mkdir(path.dirname(f), { recursive: true });
    const tmp = `${f}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, data);
    await fs.promises.rename(tmp, f);
  }
  async size(key: string): Promise<number | null> {
    try {
      return (await fs.promises.stat(this.file(key))).size;
    } catch {
      return null;
    }
  }
  async read(key: string, range?: ByteRange): Promise<Readable> {
    const handle = await fs.promises.open(this.file(key), 'r');
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }
  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.file(key), { force: true });
  }
}

/** A storage failure, with the HTTP status the S3 service gave; the message never carries credentials. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

type S3Settings = Extract<LibraryStorageSettings, { kind: 's3' }>;

export class S3Storage implements LibraryStorage {
  constructor(
    private readonly s: S3Settings,
    private readonly now: () => Date = () => new Date(),
    private readonly timeoutMs = 30_000,
  ) {}

  /** Signs and sends one request; the timeout covers the wait for the response headers, not a long body. */
  private async send(method: string, key: string, opts: { body?: Buffer; headers?: Record<string, string> } = {}) {
    const url = objectUrl(this.s.endpoint, this.s.bucket, checkKey(key), this.s.forcePathStyle);
    const payloadHash = opts.body ? crypto.createHash('sha256').update(opts.body).digest('hex') : EMPTY_SHA256;
    const headers: Record<string, string> = {
      host: url.host,
      'x-amz-date': amzDate(this.now()),
      'x-amz-content-sha256': payloadHash,
      ...opts.headers,
    };
    headers.authorization = authorization({
      method,
      path: url.pathname,
      headers,
      payloadHash,
      region: this.s.region,
      accessKeyId: this.s.accessKeyId,
      secretAccessKey: this.s.secretAccessKey,
    });
    delete headers.host; // fetch sets the same value itself and refuses to take it from us
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    try {
      // a view of the same bytes typed as fetch wants it (no copy)
      const body = opts.body ? new Uint8Array(opts.body.buffer as ArrayBuffer, opts.body.byteOffset, opts.body.byteLength) : undefined;
      return await fetch(url, { method, headers, body, signal: abort.signal });
    } catch (err) {
      const reason = abort.signal.aborted ? `no answer within ${this.timeoutMs} ms` : (err as Error).message;
      throw new StorageError(`S3 ${method} ${this.s.bucket}/${key} failed: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private async fail(res: Response, what: string): Promise<never> {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]{1,80})<\/Code>/.exec(text)?.[1] ?? '';
    throw new StorageError(`S3 ${what}: HTTP ${res.status}${code ? ` ${code}` : ''}`, res.status);
  }

  async put(key: string, data: Buffer, contentType = 'application/octet-stream'): Promise<void> {
    const res = await this.send('PUT', key, {
      body: data,
      headers: { 'content-type': contentType, 'content-length': String(data.length) },
    });
    if (!res.ok) await this.fail(res, `PUT ${key}`);
    await res.body?.cancel();
  }

  async size(key: string): Promise<number | null> {
    const res = await this.send('HEAD', key);
    if (res.status === 404) return null;
    if (!res.ok) await this.fail(res, `HEAD ${key}`);
    const n = Number(res.headers.get('content-length'));
    return Number.isFinite(n) ? n : null;
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const res = await this.send('GET', key, range ? { headers: { range: `bytes=${range.start}-${range.end}` } } : {});
    if (range ? res.status !== 206 : res.status !== 200) {
      // A store that ignores Range (200 for a range request) would send the wrong bytes: refuse rather than corrupt.
      if (res.ok) {
        await res.body?.cancel();
        throw new StorageError(`S3 GET ${key}: expected ${range ? 206 : 200}, got ${res.status}`, res.status);
      }
      await this.fail(res, `GET ${key}`);
    }
    if (!res.body) return Readable.from([]);
    return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) await this.fail(res, `DELETE ${key}`);
    await res.body?.cancel();
  }
}

export function storageFrom(settings: LibraryStorageSettings): LibraryStorage {
  return settings.kind === 's3' ? new S3Storage(settings) : new LocalDiskStorage(settings.dir);
}

/** The storage the environment configures (read at call time so tests may switch backends). */
export function libraryStorage(dataDir: string, env: NodeJS.ProcessEnv = process.env): LibraryStorage {
  return storageFrom(libraryStorageSettings(env, dataDir));
}
