/**
 * Walks declared data paths: `address`, `evidence.ipAddress`, `contactPoints[].address` (every
 * element), `profile.*` (every key). Returns a copy; only the objects along a path are copied.
 */
export type LeafMapper = (value: unknown, path: string) => unknown;

type Segment = { kind: 'key'; key: string; each: boolean } | { kind: 'wildcard' };

export function mapDataPaths<T>(data: T, paths: readonly string[], fn: LeafMapper): T {
  let node: unknown = data;
  for (const path of paths) node = mapAt(node, parsedPath(path), 0, '', fn);
  return node as T;
}

export function parsePath(path: string): Segment[] {
  return path.split('.').map((part): Segment => {
    if (part === '*') return { kind: 'wildcard' };
    const each = part.endsWith('[]');
    return { kind: 'key', key: each ? part.slice(0, -2) : part, each };
  });
}

/** Declared paths are a fixed handful, and every event encrypted or decrypted walks them. */
const parsed = new Map<string, readonly Segment[]>();

function parsedPath(path: string): readonly Segment[] {
  let segments = parsed.get(path);
  if (segments === undefined) parsed.set(path, (segments = parsePath(path)));
  return segments;
}

function mapAt(node: unknown, segments: readonly Segment[], i: number, at: string, fn: LeafMapper): unknown {
  // Absent optional fields (and null, which means "removed") carry nothing to map.
  if (node === undefined || node === null) return node;
  if (i === segments.length) return fn(node, at);
  if (typeof node !== 'object' || Array.isArray(node)) return node;
  const head = segments[i] as Segment;
  const record = node as Record<string, unknown>;
  if (head.kind === 'wildcard') {
    const entries = Object.entries(record).map(([key, value]) => [
      key,
      mapAt(value, segments, i + 1, join(at, key), fn),
    ]);
    return Object.fromEntries(entries);
  }
  if (!(head.key in record)) return node;
  const child = record[head.key];
  const path = join(at, head.key);
  const mapped =
    head.each && Array.isArray(child)
      ? child.map((item, index) => mapAt(item, segments, i + 1, `${path}[${index}]`, fn))
      : mapAt(child, segments, i + 1, path, fn);
  return { ...record, [head.key]: mapped };
}

function join(at: string, key: string): string {
  return at === '' ? key : `${at}.${key}`;
}
