// The backup file: ONE file holding the encrypted database and the store's
// wrapped key, so a restore needs the backup and the passphrase, nothing else.
//
//   bytes 0-7     "EHRBSBK1" (magic and format version)
//   bytes 8-11    header length H, unsigned 32-bit big-endian
//   next H bytes  header, UTF-8 JSON (BackupHeader below; no patient data)
//   the rest      the database file, encrypted exactly as in the store
//                 (SQLCipher 4 pages under the store's raw key)
//
// The database's SHA-256 is in the header, so a truncated or altered backup is
// refused before anything is restored.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { KeyWrapper } from '../keys/key-wrapper';

const MAGIC = Buffer.from('EHRBSBK1', 'ascii');
const CHUNK = 1 << 20;
const MAX_HEADER = 64 * 1024;

const BackupHeader = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  /** The store's key file (store-key.json) as it was: the raw key, wrapped by the passphrase. */
  keyFile: z.object({ format: z.literal(1), wrapper: z.string(), wrapped: z.string() }),
  database: z.object({
    bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

/** Copies `length` bytes of `fromFd` at `fromPos` to `toFd` (or nowhere), returning their SHA-256. */
function copy(fromFd: number, fromPos: number, length: number, toFd: number | null): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  for (let done = 0; done < length;) {
    const n = readSync(fromFd, buf, 0, Math.min(CHUNK, length - done), fromPos + done);
    if (n === 0) throw new AppError('INTEGRITY_FAILED', 'The backup file is truncated.');
    hash.update(buf.subarray(0, n));
    if (toFd !== null) writeSync(toFd, buf, 0, n);
    done += n;
  }
  return hash.digest('hex');
}

/** As copy(), a chunk per await: a backup of a large store never holds the event loop for long. */
async function copyAsync(from: FileHandle, length: number, to: FileHandle | null): Promise<string> {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  for (let done = 0; done < length;) {
    const { bytesRead: n } = await from.read(buf, 0, Math.min(CHUNK, length - done), done);
    if (n === 0) throw new AppError('INTEGRITY_FAILED', 'The backup file is truncated.');
    hash.update(buf.subarray(0, n));
    if (to !== null) await to.write(buf, 0, n);
    done += n;
  }
  return hash.digest('hex');
}

export async function writeBackupFile(
  target: string,
  databasePath: string,
  meta: Pick<BackupHeader, 'createdAt' | 'schemaVersion' | 'keyFile'>,
): Promise<void> {
  const db = await open(databasePath, 'r');
  try {
    const out = await open(target, 'wx', 0o600);
    try {
      const bytes = (await db.stat()).size;
      const header: BackupHeader = {
        format: 1,
        ...meta,
        database: { bytes, sha256: await copyAsync(db, bytes, null) },
      };
      const json = Buffer.from(JSON.stringify(header), 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(json.length);
      await out.write(Buffer.concat([MAGIC, length, json]));
      await copyAsync(db, bytes, out);
    } finally {
      await out.close();
    }
  } finally {
    await db.close();
  }
}

export function readBackupHeader(path: string): { header: BackupHeader; dataOffset: number } {
  const notBackup = () =>
    new AppError('INTEGRITY_FAILED', 'This is not an EHRBS backup file, or it is damaged.');
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(12);
    if (readSync(fd, head, 0, 12, 0) !== 12 || !head.subarray(0, 8).equals(MAGIC))
      throw notBackup();
    const length = head.readUInt32BE(8);
    if (length === 0 || length > MAX_HEADER) throw notBackup();
    const json = Buffer.alloc(length);
    if (readSync(fd, json, 0, length, 12) !== length) throw notBackup();
    const parsed = BackupHeader.safeParse(JSON.parse(json.toString('utf8')));
    if (!parsed.success) throw notBackup();
    const dataOffset = 12 + length;
    if (statSync(path).size !== dataOffset + parsed.data.database.bytes) {
      throw new AppError('INTEGRITY_FAILED', 'The backup file is truncated or has extra bytes.');
    }
    return { header: parsed.data, dataOffset };
  } catch (e) {
    if (e instanceof SyntaxError) throw notBackup();
    throw e;
  } finally {
    closeSync(fd);
  }
}

/** Writes the backup's database to `target` (a new file), checking its SHA-256. */
export function extractDatabase(
  path: string,
  header: BackupHeader,
  dataOffset: number,
  target: string,
): void {
  const fd = openSync(path, 'r');
  const out = openSync(target, 'wx', 0o600);
  try {
    if (copy(fd, dataOffset, header.database.bytes, out) !== header.database.sha256) {
      throw new AppError(
        'INTEGRITY_FAILED',
        'The backup file is damaged (its database checksum does not match).',
      );
    }
  } finally {
    closeSync(fd);
    closeSync(out);
  }
}

/** The store's raw key from the backup's key file: proves the passphrase before anything is written. */
export async function unwrapBackupKey(header: BackupHeader, wrapper: KeyWrapper): Promise<Buffer> {
  if (header.keyFile.wrapper !== wrapper.kind) {
    throw new AppError(
      'WRONG_KEY',
      `This backup's key is protected by "${header.keyFile.wrapper}", not a passphrase.`,
    );
  }
  const key = await wrapper.unwrap(Buffer.from(header.keyFile.wrapped, 'base64'));
  if (key.length !== 32)
    throw new AppError('INTEGRITY_FAILED', 'The backup key has the wrong length.');
  return key;
}

export const parseKeyFile = (text: string): BackupHeader['keyFile'] => {
  const parsed = BackupHeader.shape.keyFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppError('INTEGRITY_FAILED', 'The store key file is damaged.');
  return parsed.data;
};
