import { closeSync, openSync, readSync } from 'node:fs';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** The first 16 bytes, or undefined when the file does not exist. */
function readHeader(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const buf = Buffer.alloc(16);
    return buf.toString('latin1', 0, readSync(fd, buf, 0, 16, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Read without SQLite, so a foreign file is never opened for writing. A missing or empty file is
 * a new database; anything else must start with SQLite's header.
 */
export function isForeignFile(file: string): boolean {
  const header = readHeader(file);
  return header !== undefined && header.length > 0 && header !== SQLITE_HEADER;
}
