// Issue 14, defect 5: the private keys the server keeps are sealed with a
// server key that is not in the database, a store from before is sealed at
// the next start, a wrong or missing key is one clear refusal, and every file
// the server writes is 0600 in a 0700 directory whatever the umask.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { createCa } from '../../../sync-server/src/pki/certs';
import { openSqliteStore } from '../../../sync-server/src/store/sqlite-store';
import { startServer } from '../../../sync-server/src/server';
import { SERVER_KEY_FILE } from '../../../sync-server/src/secure/server-key';
import { createTempDatabase, type TempDatabase } from '../helpers/pg';
import { startTestServer } from '../helpers/server';

const PRIVATE_PEM = /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ehrbs-server-key-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const filesOf = (dir: string) => readdirSync(dir).map((f) => join(dir, f));
const mode = (path: string) => statSync(path).mode & 0o777;

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    const s = await p;
    await (s as { close(): Promise<void> }).close();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the server key (SQLite store)', () => {
  it('keeps no private key in clear in the data directory, and every file 0600 in a 0700 folder', async () => {
    const dir = tempDir();
    // The operator made the folder world-readable, and the umask is lax.
    mkdirSync(join(dir, 'data'), { mode: 0o755 });
    const data = join(dir, 'data');
    const old = process.umask(0o022);
    try {
      const t = await startTestServer({ dataDir: data });
      await t.registerClinic();
      await t.server.close();
    } finally {
      process.umask(old);
    }
    expect(mode(data)).toBe(0o700);
    const files = filesOf(data);
    expect(files.map((f) => f.slice(data.length + 1)).sort()).toEqual(
      expect.arrayContaining([
        'ca.pem',
        SERVER_KEY_FILE,
        'sync.db',
        'tls-cert.pem',
        'tls-key.sealed',
      ]),
    );
    for (const f of files) {
      expect({ f, mode: mode(f) }).toEqual({ f, mode: 0o600 });
      if (!f.endsWith(SERVER_KEY_FILE)) expect(readFileSync(f, 'latin1')).not.toMatch(PRIVATE_PEM);
    }
  });

  it('seals the clear CA key of an older store at start, and the file keeps no trace of it', async () => {
    const data = tempDir();
    const clear = JSON.stringify(createCa());
    const old = openSqliteStore(data);
    await old.putSecretIfAbsent('ca', clear);
    await old.close();
    expect(readFileSync(join(data, 'sync.db'), 'latin1')).toMatch(PRIVATE_PEM);

    const s = await startServer({ dataDir: data, port: 0, logLevel: 'silent' });
    const caPem = (JSON.parse(clear) as { certPem: string }).certPem;
    expect(s.caCertPem).toBe(caPem); // the same CA, so enrolled workstations still trust it
    await s.close();
    for (const f of filesOf(data)) expect(readFileSync(f, 'latin1')).not.toMatch(PRIVATE_PEM);

    // And it starts again from the sealed form.
    const again = await startServer({ dataDir: data, port: 0, logLevel: 'silent' });
    expect(again.caCertPem).toBe(caPem);
    await again.close();
  });

  it('refuses a wrong server key, and a malformed one, with one clear line', async () => {
    const data = tempDir();
    const first = await startServer({ dataDir: data, port: 0, logLevel: 'silent' });
    await first.close();
    const wrong = await refusal(
      startServer({
        dataDir: data,
        port: 0,
        logLevel: 'silent',
        serverKey: randomBytes(32).toString('base64'),
      }),
    );
    expect(wrong.code).toBe('WRONG_KEY');
    expect(wrong.message).toMatch(/EHRBS_SERVER_KEY.*does not open the stored CA key/);
    expect(wrong.message).not.toContain('\n');

    const malformed = await refusal(
      startServer({ dataDir: data, port: 0, logLevel: 'silent', serverKey: 'short' }),
    );
    expect(malformed).toEqual({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/EHRBS_SERVER_KEY is not a server key: it must be 32 bytes/),
    });

    // A lost key file: a new one is made, and it does not open the CA sealed with the old one.
    rmSync(join(data, SERVER_KEY_FILE));
    const lost = await refusal(startServer({ dataDir: data, port: 0, logLevel: 'silent' }));
    expect(lost.code).toBe('WRONG_KEY');
    expect(lost.message).toMatch(/server-key file/);
  });
});

describe('the server key (PostgreSQL store)', () => {
  let db: TempDatabase;

  it('keeps no private key in the database rows, needs the key, and seals an older clear CA', async () => {
    db = await createTempDatabase();
    cleanups.push(() => db.drop());
    const serverKey = randomBytes(32).toString('base64');

    const missing = await refusal(
      startServer({ databaseUrl: db.url, port: 0, logLevel: 'silent' }),
    );
    expect(missing.code).toBe('VALIDATION_FAILED');
    expect(missing.message).toMatch(/No server key: set EHRBS_SERVER_KEY/);

    const s = await startServer({ databaseUrl: db.url, serverKey, port: 0, logLevel: 'silent' });
    await s.close();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    cleanups.push(() => client.end());
    const rows = async () =>
      (await client.query<{ value: string }>('SELECT value FROM server_secrets')).rows
        .map((r) => r.value)
        .join('\n');
    expect(await rows()).not.toMatch(PRIVATE_PEM);

    // An older database: the CA in clear. The next start seals it and keeps the same CA.
    const clear = JSON.stringify(createCa());
    await client.query("UPDATE server_secrets SET value = $1 WHERE name = 'ca'", [clear]);
    const again = await startServer({
      databaseUrl: db.url,
      serverKey,
      port: 0,
      logLevel: 'silent',
    });
    expect(again.caCertPem).toBe((JSON.parse(clear) as { certPem: string }).certPem);
    await again.close();
    expect(await rows()).not.toMatch(PRIVATE_PEM);

    const wrong = await refusal(
      startServer({
        databaseUrl: db.url,
        serverKey: randomBytes(32).toString('base64'),
        port: 0,
        logLevel: 'silent',
      }),
    );
    expect(wrong.code).toBe('WRONG_KEY');
  });
});
