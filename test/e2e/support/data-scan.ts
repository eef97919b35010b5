import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder, as raw bytes (SQLite files with their WAL and shm, key files, mails). */
export function scanFolder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      for (const [inner, bytes] of scanFolder(path)) files.set(`${name}/${inner}`, bytes);
    else files.set(name, readFileSync(path));
  }
  return files;
}

/** `file: value` for each value found in a file, as UTF-8 or UTF-16LE bytes. */
export function hitsIn(files: Map<string, Buffer>, values: readonly string[]): string[] {
  const hits: string[] = [];
  for (const [file, bytes] of files) {
    for (const value of values) {
      if (bytes.includes(value) || bytes.includes(Buffer.from(value, 'utf16le'))) hits.push(`${file}: ${value}`);
    }
  }
  return hits;
}
