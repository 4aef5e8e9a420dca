// Every file the server writes is 0600 and its data directory 0700, whatever
// the umask and whatever mode the directory had when the operator made it.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** Creates the directory if needed and makes it 0700 (also one the operator created 0755). */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
}

/** Writes the file 0600 (a file left 0644 by an older version is tightened too). */
export function writePrivateFile(path: string, data: string | Buffer): void {
  writeFileSync(path, data, { mode: FILE_MODE });
  chmodSync(path, FILE_MODE);
}

/** Makes sure the file exists with mode 0600 before a library (SQLite) opens it. */
export function touchPrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', FILE_MODE));
  chmodSync(path, FILE_MODE);
}
