/**
 * AWS Signature Version 4 for S3 requests (header-based, one chunk), pure: the same inputs always give the same
 * Authorization header. Used by the S3 storage client and by the test S3 server to check what it receives.
 * Checked against the worked example in the AWS S3 documentation (library.rules.test.ts).
 */
import crypto from 'node:crypto';

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface SignInput {
  method: string;
  /** Already URI-encoded path, e.g. `/bucket/a-1/file-x.pdf`. */
  path: string;
  /** Query parameters (not yet encoded). */
  query?: Record<string, string>;
  /** Headers to sign; names in any case. Must include `host`, `x-amz-date` and `x-amz-content-sha256`. */
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  service?: string;
}

const sha256 = (s: string | Buffer) => crypto.createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => crypto.createHmac('sha256', key).update(s).digest();

/** RFC 3986 encoding as SigV4 wants it: everything but A–Z a–z 0–9 - _ . ~ is %XX (upper-case hex). */
export function uriEncode(s: string, keepSlash = false): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch) || (keepSlash && ch === '/')) out += ch;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `20130524T000000Z` from a Date. */
export function amzDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function canonicalRequest(input: SignInput): { text: string; signedHeaders: string } {
  const names = Object.keys(input.headers)
    .map((n) => n.toLowerCase())
    .sort();
  const byLower = new Map(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const canonicalHeaders = names.map((n) => `${n}:${byLower.get(n)!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const query = Object.entries(input.query ?? {})
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const signedHeaders = names.join(';');
  return {
    text: [input.method.toUpperCase(), input.path, query, canonicalHeaders, signedHeaders, input.payloadHash].join('\n'),
    signedHeaders,
  };
}

/** The Authorization header value for a request whose headers already carry `x-amz-date`. */
export function authorization(input: SignInput): string {
  const service = input.service ?? 's3';
  const date = Object.entries(input.headers).find(([k]) => k.toLowerCase() === 'x-amz-date')?.[1];
  if (!date || !/^\d{8}T\d{6}Z$/.test(date)) throw new Error('x-amz-date header missing or malformed');
  const day = date.slice(0, 8);
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const { text, signedHeaders } = canonicalRequest(input);
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256(text)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), service), 'aws4_request');
  const signature = crypto.createHmac('sha256', key).update(stringToSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** Parses an Authorization header back into its parts (for the receiving side). */
export function parseAuthorization(
  header: string | undefined,
): { accessKeyId: string; day: string; region: string; service: string; signedHeaders: string[]; signature: string } | null {
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      header ?? '',
    );
  if (!m) return null;
  return { accessKeyId: m[1]!, day: m[2]!, region: m[3]!, service: m[4]!, signedHeaders: m[5]!.split(';'), signature: m[6]! };
}

/** Object URL and signing path for a key, path-style (`endpoint/bucket/key`) or virtual-hosted (`bucket.host/key`). */
export function objectUrl(endpoint: string, bucket: string, key: string, forcePathStyle: boolean): URL {
  const base = new URL(endpoint);
  const prefix = base.pathname.replace(/\/$/, '');
  const encodedKey = uriEncode(key, true);
  if (forcePathStyle) return new URL(`${base.protocol}//${base.host}${prefix}/${uriEncode(bucket)}/${encodedKey}`);
  return new URL(`${base.protocol}//${bucket}.${base.host}${prefix}/${encodedKey}`);
}
