/**
 * Where library files live. A small interface so an S3-compatible backend can be plugged in later
 * (SPEC §13: stateless servers); today only the local disk under DATA_DIR/library is implemented
 * (LIBRARY_STORAGE_DIR overrides the folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface LibraryStorage {
  put(key: string, data: Buffer): Promise<void>;
  size(key: string): Promise<number | null>;
  read(key: string, range?: { start: number; end: number }): Readable;
}

export class LocalDiskStorage implements LibraryStorage {
  constructor(private readonly root: string) {}
  private file(key: string): string {
    if (!/^[a-z0-9-]+\/[a-z0-9.-]+$/.test(key)) throw new Error(`bad storage key ${key}`);
    return path.join(this.root, key);
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
  read(key: string, range?: { start: number; end: number }): Readable {
    return fs.createReadStream(this.file(key), range ? { start: range.start, end: range.end } : {});
  }
}

export function libraryStorage(dataDir: string, env: NodeJS.ProcessEnv = process.env): LibraryStorage {
  if (env.LIBRARY_S3_ENDPOINT) throw new Error('LIBRARY_S3_ENDPOINT: lưu trữ S3 chưa được cài đặt trong phiên bản này');
  return new LocalDiskStorage(env.LIBRARY_STORAGE_DIR || path.join(dataDir, 'library'));
}
