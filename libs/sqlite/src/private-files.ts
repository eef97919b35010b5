import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Owner only: the stores hold blind indexes, wrapped keys and ciphertext, the folder a dev master key. */
export const PRIVATE_FOLDER = 0o700;
export const PRIVATE_FILE = 0o600;

/**
 * Creates the folder one level at a time, owner only. Node's `mkdirSync(..., { recursive: true })`
 * never returns on some file systems that refuse mkdir with ENOENT (e.g. under /proc on Node 20).
 */
export function makePrivateFolders(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makePrivateFolders(parent);
  mkdirSync(dir, { mode: PRIVATE_FOLDER });
}

/**
 * Creates a store's file empty with mode 0600 before SQLite opens it (SQLite gives its -wal and
 * -shm files the mode of the database file), and takes group and other access from an older one.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  chmodSync(file, PRIVATE_FILE);
}
