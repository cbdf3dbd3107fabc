/**
 * Just enough of the zip format to read an .xlsx defensively: the central directory, and one entry
 * at a time inflated with a hard size limit (a 10 MB upload could otherwise inflate to gigabytes).
 * Problems are reported as a kind; the caller words them for the user.
 */
import zlib from 'node:zlib';

export type ZipProblem = 'corrupt' | 'too_large' | 'encrypted';

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem);
  }
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Is this a zip (an .xlsx is one)? A quick check on the first bytes, before any parsing. */
export function looksLikeZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/** Old binary Excel (.xls) and password-protected .xlsx are both OLE compound files. */
export function looksLikeOle(buf: Buffer): boolean {
  return buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1;
}

function readCentralDirectory(buf: Buffer): ZipEntry[] {
  // End of central directory: 22 bytes + a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('corrupt');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new ZipError('too_large'); // zip64: far beyond an upload
  if (cdOffset + cdSize > buf.length) throw new ZipError('corrupt');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError('corrupt');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf
        .toString('utf8', p + 46, p + 46 + nameLen)
        .replaceAll('\\', '/')
        .replace(/^\//, ''),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export class Zip {
  private readonly entries = new Map<string, ZipEntry>();
  constructor(
    private readonly buf: Buffer,
    private readonly maxPartBytes: number,
  ) {
    for (const e of readCentralDirectory(buf)) this.entries.set(e.name, e);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Inflated bytes of an entry (at most maxPartBytes), or null when absent. */
  read(name: string): Buffer | null {
    const e = this.entries.get(name);
    if (!e) return null;
    if (e.flags & 0x1) throw new ZipError('encrypted');
    const b = this.buf;
    const p = e.localOffset;
    if (p + 30 > b.length || b.readUInt32LE(p) !== 0x04034b50) throw new ZipError('corrupt');
    const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
    const data = b.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw new ZipError('corrupt');
    if (e.size > this.maxPartBytes) throw new ZipError('too_large');
    if (e.method === 0) return data;
    if (e.method !== 8) throw new ZipError('corrupt');
    try {
      return zlib.inflateRawSync(data, { maxOutputLength: this.maxPartBytes });
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError('too_large');
      throw new ZipError('corrupt');
    }
  }
}
