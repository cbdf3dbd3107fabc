/**
 * A small S3-compatible server for tests (path-style, one bucket, objects in memory). It checks every request's
 * SigV4 signature from the headers it actually received — so a client that signs one thing and sends another is
 * refused with 403 SignatureDoesNotMatch — and the body against x-amz-content-sha256. Put/Get (with Range)/Head/
 * Delete only; enough for the library's storage, not a general S3.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorization, parseAuthorization, UNSIGNED_PAYLOAD } from '../src/modules/library/library.s3.rules.ts';

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, { body: Buffer; contentType: string }>;
  /** Every request as `METHOD key status`. */
  log: string[];
  /** The next n requests answer 503 SlowDown. */
  failNext(n: number): void;
  env(): Record<string, string>;
  close(): Promise<void>;
}

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export async function startS3TestServer(opts: { bucket?: string; region?: string } = {}): Promise<S3TestServer> {
  const bucket = opts.bucket ?? 'hoc-lieu-test';
  const region = opts.region ?? 'ap-southeast-1';
  const accessKeyId = 'AKTEST' + crypto.randomBytes(6).toString('hex').toUpperCase();
  const secretAccessKey = crypto.randomBytes(24).toString('base64');
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const log: string[] = [];
  let failing = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const [, b, ...rest] = url.pathname.split('/');
      const key = decodeURIComponent(rest.join('/'));
      const answer = (status: number, headers: Record<string, string> = {}, payload?: Buffer | string) => {
        log.push(`${req.method} ${key} ${status}`);
        res.writeHead(status, headers);
        res.end(req.method === 'HEAD' ? undefined : payload);
      };
      const error = (status: number, code: string, message: string) =>
        answer(status, { 'content-type': 'application/xml' }, xmlError(code, message));

      if (failing > 0) {
        failing--;
        return error(503, 'SlowDown', 'Please reduce your request rate.');
      }
      // --- authentication -------------------------------------------------------------------------
      const auth = parseAuthorization(req.headers.authorization);
      if (!auth) return error(403, 'AccessDenied', 'Missing or malformed Authorization');
      if (auth.accessKeyId !== accessKeyId) return error(403, 'InvalidAccessKeyId', 'Unknown access key');
      if (auth.region !== region || auth.service !== 's3') return error(400, 'AuthorizationHeaderMalformed', 'Wrong region');
      const date = String(req.headers['x-amz-date'] ?? '');
      const skew = Math.abs(
        Date.parse(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 11)}:${date.slice(11, 13)}:${date.slice(13)}`) - Date.now(),
      );
      if (!(skew < 15 * 60_000) || auth.day !== date.slice(0, 8)) return error(403, 'RequestTimeTooSkewed', 'Bad x-amz-date');
      for (const h of ['host', 'x-amz-date', 'x-amz-content-sha256']) {
        if (!auth.signedHeaders.includes(h)) return error(403, 'AccessDenied', `${h} must be signed`);
      }
      const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
      const signed: Record<string, string> = {};
      for (const h of auth.signedHeaders) {
        const v = req.headers[h];
        if (v === undefined) return error(403, 'AccessDenied', `signed header ${h} not sent`);
        signed[h] = Array.isArray(v) ? v.join(',') : v;
      }
      const query = Object.fromEntries(url.searchParams);
      const expected = authorization({
        method: req.method!,
        path: url.pathname,
        query,
        headers: signed,
        payloadHash,
        region,
        accessKeyId,
        secretAccessKey,
      });
      if (expected !== req.headers.authorization) return error(403, 'SignatureDoesNotMatch', 'Signature does not match');
      if (payloadHash !== UNSIGNED_PAYLOAD && crypto.createHash('sha256').update(body).digest('hex') !== payloadHash) {
        return error(400, 'XAmzContentSHA256Mismatch', 'Body does not match x-amz-content-sha256');
      }
      // --- the object API ---------------------------------------------------------------------------
      if (b !== bucket) return error(404, 'NoSuchBucket', 'The specified bucket does not exist');
      if (!key) return error(400, 'InvalidRequest', 'Object key missing');
      const obj = objects.get(key);
      switch (req.method) {
        case 'PUT':
          objects.set(key, { body, contentType: String(req.headers['content-type'] ?? 'binary/octet-stream') });
          return answer(200, { etag: `"${crypto.createHash('md5').update(body).digest('hex')}"` });
        case 'DELETE':
          objects.delete(key);
          return answer(204);
        case 'HEAD':
        case 'GET': {
          if (!obj) return error(404, 'NoSuchKey', 'The specified key does not exist.');
          const size = obj.body.length;
          const base = { 'content-type': obj.contentType, 'accept-ranges': 'bytes', 'last-modified': new Date().toUTCString() };
          const range = req.headers.range;
          if (range && req.method === 'GET') {
            const m = /^bytes=(\d*)-(\d*)$/.exec(range);
            let start = NaN;
            let end = NaN;
            if (m && m[1] !== '') {
              start = Number(m[1]);
              end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
            } else if (m && m[2] !== '') {
              start = Math.max(0, size - Number(m[2]));
              end = size - 1;
            }
            if (!(start <= end) || start >= size) return error(416, 'InvalidRange', 'The requested range is not satisfiable');
            return answer(
              206,
              { ...base, 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${size}` },
              obj.body.subarray(start, end + 1),
            );
          }
          return answer(200, { ...base, 'content-length': String(size) }, obj.body);
        }
        default:
          return error(405, 'MethodNotAllowed', 'Not supported here');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    objects,
    log,
    failNext: (n) => {
      failing = n;
    },
    env: () => ({
      LIBRARY_S3_ENDPOINT: endpoint,
      LIBRARY_S3_BUCKET: bucket,
      LIBRARY_S3_REGION: region,
      LIBRARY_S3_ACCESS_KEY_ID: accessKeyId,
      LIBRARY_S3_SECRET_ACCESS_KEY: secretAccessKey,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
