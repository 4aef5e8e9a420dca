// VACUUM INTO off the main thread. On a 100,000-patient store the copy takes
// seconds, and on the main thread it would stop every API answer and timer
// for that long (bench/backup.bench.ts). A worker thread opens its own
// connection to the same encrypted file (WAL: a reader beside the app's
// writer) and takes the snapshot in one read transaction, as the app's own
// connection would. The worker is plain JavaScript evaluated from this string,
// so it needs no separate bundle entry in the desktop build, dev or tests; it
// loads the same native driver by its resolved path.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DISK_FULL, storageFailure } from '../store/store-errors';
import { AppError } from '../../../shared/errors';

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.database, { fileMustExist: true });
try {
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma('key="x\\'' + workerData.keyHex + '\\'"');
  db.pragma('busy_timeout = 5000');
  db.prepare('VACUUM INTO ?').run(workerData.out);
  parentPort.postMessage('done');
} finally {
  db.close();
}
`;

/** Writes a consistent, still encrypted copy of the store at `database` to `out` (an empty file). */
export function snapshotInWorker(database: string, rawKey: Buffer, out: string): Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { driver, database, out, keyHex: rawKey.toString('hex') },
    });
    let done = false;
    worker.once('message', () => {
      done = true;
      resolve();
    });
    // The driver's messages can name files: people get a plain one.
    // A full disk is said as such (the error's code may not survive the thread boundary).
    worker.once('error', (e: Error & { code?: string }) =>
      reject(
        storageFailure(e) ??
          (/disk is full|ENOSPC/.test(e.message)
            ? new AppError('DISK_FULL', DISK_FULL)
            : new AppError('INTERNAL', 'The backup snapshot could not be taken.')),
      ),
    );
    worker.once('exit', (code) => {
      if (!done && code !== 0)
        reject(new AppError('INTERNAL', 'The backup snapshot could not be taken.'));
    });
  });
}
