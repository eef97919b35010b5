import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { DashboardFile } from './dashboard-files';

export type Encoding = 'br' | 'gzip';

/** Text worth compressing; small files are sent as they are. */
const COMPRESSIBLE = /^(text\/|image\/svg\+xml|application\/json)/;
const MIN_BYTES = 1024;

/** Each file is compressed once, on first demand, and kept beside it (the build is read-only). */
const encoded = new WeakMap<DashboardFile, Map<Encoding, Buffer>>();

/** Brotli where the browser takes it, else gzip (RFC 9110 12.5.3: `q=0` refuses a coding). */
export function chooseEncoding(file: DashboardFile, acceptEncoding: string | undefined): Encoding | undefined {
  if (!COMPRESSIBLE.test(file.type) || file.body.length < MIN_BYTES) return undefined;
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([coding]) => coding),
  );
  return (['br', 'gzip'] as const).find((coding) => accepted.has(coding) || accepted.has('*'));
}

export function encodedBody(file: DashboardFile, encoding: Encoding): Buffer {
  const bodies = encoded.get(file) ?? new Map<Encoding, Buffer>();
  encoded.set(file, bodies);
  const cached = bodies.get(encoding);
  if (cached) return cached;
  const body =
    encoding === 'br'
      ? brotliCompressSync(file.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
      : gzipSync(file.body, { level: 9 });
  bodies.set(encoding, body);
  return body;
}
