// How `ehrbs` fails: one clear line and its own exit code for each kind of
// damage or mistake, and no command that is not meant to write ever creates,
// migrates or writes a store. (Issue 14's defects, each reproduced here.)
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { cliEnv, expectOneErrorLine, fingerprint, runCli } from './cli-harness';

const SLOW = 180_000;
const BIN = resolve(import.meta.dirname, '../../../bin/ehrbs.js');
const tmp = tempDir('ehrbs-cli-failures-');
const base = join(tmp.dir, 'base');
const ADMIN = { email: 'admin@demo.ehrbs.example', password: 'demo-password' };
let n = 0;

/** Runs a command until it reaches a pause point (cli/test-pause.ts), then kills it with SIGKILL there. */
async function killAtPause(args: string[], point: string): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: cliEnv({ EHRBS_TEST_PAUSE_AT: point }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_c, sig) => r(sig)));
  let stderr = '';
  await new Promise<void>((resolvePaused, reject) => {
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString('utf8');
      if (stderr.includes(`paused at ${point}`)) resolvePaused();
    });
    child.once('exit', () => reject(new Error(`exited before pausing at ${point}: ${stderr}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

/** A fresh copy of the demo store, so every test sets up what it needs. */
const copyOfBase = (): string => {
  const dir = join(tmp.dir, `copy-${++n}`);
  cpSync(base, dir, { recursive: true });
  return dir;
};

const xorBytes = (path: string, offset: number, length: number) => {
  const bytes = readFileSync(path);
  for (let i = offset; i < offset + length; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
  writeFileSync(path, bytes);
};

const exportArgs = (dir: string, out: string) => [
  'export',
  '--data',
  dir,
  '--user',
  ADMIN.email,
  '--out',
  out,
];
const asAdmin = cliEnv({ EHRBS_PASSWORD: ADMIN.password });

beforeAll(async () => {
  const r = await runCli(['demo', '--data', base, '--patients', '40']);
  expect(r.code).toBe(0);
}, SLOW);
afterAll(() => tmp.cleanup());

describe('damage is one line, exit 3, and names what is wrong', () => {
  it(
    'one damaged page in the middle: one line with the first problem and a count',
    async () => {
      const dir = copyOfBase();
      const db = join(dir, 'clinic.db');
      xorBytes(db, Math.floor(statSync(db).size / 2), 64);
      const r = await runCli(['verify', '--data', dir]);
      expect(r.code).toBe(3);
      const line = expectOneErrorLine(r);
      expect(line).toMatch(/integrity check/);
      expect(line).toMatch(/\d+ problems?/);
    },
    SLOW,
  );

  it(
    'a store truncated to half is reported as damaged by verify, export and backup',
    async () => {
      const dir = copyOfBase();
      const db = join(dir, 'clinic.db');
      truncateSync(db, Math.floor(statSync(db).size / 2));
      const before = fingerprint(dir);
      for (const args of [
        ['verify', '--data', dir],
        exportArgs(dir, join(tmp.dir, `t-${n}.json`)),
        ['backup', '--data', dir, '--out', join(tmp.dir, `t-${n}.bak`)],
      ]) {
        const r = await runCli(args, asAdmin);
        const line = expectOneErrorLine(r);
        expect(line, args[0]).toMatch(/damaged/);
        expect(line, args[0]).not.toMatch(/unexpectedly|wrong key/i);
        expect(r.code, args[0]).toBe(3);
      }
      expect(fingerprint(dir)).toEqual(before);
    },
    SLOW,
  );

  it(
    'a damaged first page is damage, not a wrong key (the passphrase did unlock the key file)',
    async () => {
      const dir = copyOfBase();
      xorBytes(join(dir, 'clinic.db'), 100, 64);
      const r = await runCli(['verify', '--data', dir]);
      const line = expectOneErrorLine(r);
      expect(line).toMatch(/damaged/);
      expect(line).not.toMatch(/wrong key/i);
      expect(r.code).toBe(3);
    },
    SLOW,
  );

  it(
    'a key file asking for an unreasonable scrypt cost is refused as damaged, before any work',
    async () => {
      const dir = copyOfBase();
      const keyPath = join(dir, 'store-key.json');
      const file = JSON.parse(readFileSync(keyPath, 'utf8')) as { wrapped: string };
      const envelope = JSON.parse(Buffer.from(file.wrapped, 'base64').toString('utf8')) as {
        N: number;
      };
      envelope.N = 2 ** 24;
      file.wrapped = Buffer.from(JSON.stringify(envelope)).toString('base64');
      writeFileSync(keyPath, JSON.stringify(file));
      const r = await runCli(['verify', '--data', dir]);
      const line = expectOneErrorLine(r);
      expect(line).toMatch(/key file/);
      expect(line).toMatch(/damaged|tampered/);
      expect(r.code).toBe(3);
    },
    SLOW,
  );

  it('restore of a missing file names the file', async () => {
    const missing = join(tmp.dir, 'no-such.ehrbs-backup');
    const r = await runCli(['restore', '--in', missing, '--data', join(tmp.dir, 'r-missing')]);
    const line = expectOneErrorLine(r);
    expect(line).toContain(missing);
    expect(line).not.toMatch(/unexpectedly/);
    expect(existsSync(join(tmp.dir, 'r-missing'))).toBe(false);
  });
});

describe('commands that read never create, migrate or write a store', () => {
  it(
    'verify of a zero-length clinic.db says so and leaves the file empty',
    async () => {
      const dir = copyOfBase();
      writeFileSync(join(dir, 'clinic.db'), '');
      const r = await runCli(['verify', '--data', dir]);
      const line = expectOneErrorLine(r);
      expect(line).toMatch(/empty|not an EHRBS store/);
      expect(r.code).toBe(3);
      expect(statSync(join(dir, 'clinic.db')).size).toBe(0);
      expect(existsSync(join(dir, 'clinic.db-wal'))).toBe(false);
    },
    SLOW,
  );

  it(
    'export refuses a store that fails its integrity check, and writes nothing into it',
    async () => {
      const dir = copyOfBase();
      const db = join(dir, 'clinic.db');
      xorBytes(db, Math.floor(statSync(db).size / 2), 64);
      const before = fingerprint(dir);
      const out = join(tmp.dir, `damaged-${n}.json`);
      const r = await runCli(exportArgs(dir, out), asAdmin);
      expect(expectOneErrorLine(r)).toMatch(/integrity check.*--force/);
      expect(r.code).toBe(3);
      expect(existsSync(out)).toBe(false);
      expect(fingerprint(dir)).toEqual(before);
    },
    SLOW,
  );
});

describe('backups', () => {
  it(
    'a backup whose header says a newer schema is refused by restore, and nothing is left',
    async () => {
      const dir = copyOfBase();
      const bak = join(tmp.dir, `newer-${n}.ehrbs-backup`);
      expect((await runCli(['backup', '--data', dir, '--out', bak], asAdmin)).code).toBe(0);
      // The format (backup/backup-file.ts): 8 magic bytes, a 4-byte header length, the JSON header, the database.
      const bytes = readFileSync(bak);
      const length = bytes.readUInt32BE(8);
      const header = JSON.parse(bytes.subarray(12, 12 + length).toString('utf8')) as Record<
        string,
        unknown
      >;
      expect(typeof header['schemaVersion']).toBe('number');
      header['schemaVersion'] = 999;
      const json = Buffer.from(JSON.stringify(header));
      const len = Buffer.alloc(4);
      len.writeUInt32BE(json.length);
      writeFileSync(
        bak,
        Buffer.concat([bytes.subarray(0, 8), len, json, bytes.subarray(12 + length)]),
      );
      const target = join(tmp.dir, `restored-newer-${n}`);
      const r = await runCli(['restore', '--in', bak, '--data', target]);
      expect(expectOneErrorLine(r)).toMatch(/newer/);
      expect(existsSync(join(target, 'clinic.db'))).toBe(false);
    },
    SLOW,
  );

  it(
    'a backup killed half-way leaves no readable partial file, and the next backup cleans up',
    async () => {
      const dir = copyOfBase();
      const out = join(tmp.dir, `killed-${n}.ehrbs-backup`);
      const leftovers = () => readdirSync(tmp.dir).filter((f) => f.startsWith(`killed-${n}.`));
      await killAtPause(['backup', '--data', dir, '--out', out], 'backup:snapshot-written');
      expect(leftovers().length).toBeGreaterThan(0);
      for (const f of leftovers()) {
        expect((statSync(join(tmp.dir, f)).mode & 0o077).toString(8), f).toBe('0');
      }
      expect((await runCli(['backup', '--data', dir, '--out', out])).code).toBe(0);
      expect(leftovers()).toEqual([`killed-${n}.ehrbs-backup`]);
    },
    SLOW,
  );
});

describe('a killed `demo` leaves nothing or a complete store', () => {
  it(
    'killed with the demo built but not yet in place: nothing is left, and demo again succeeds',
    async () => {
      const dir = join(tmp.dir, `killed-demo-${++n}`);
      await killAtPause(['demo', '--data', dir, '--patients', '20'], 'demo:before-publish');
      expect(existsSync(join(dir, 'clinic.db'))).toBe(false);
      const again = await runCli(['demo', '--data', dir, '--patients', '20']);
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(['clinic.db', 'store-key.json']);
      const verified = await runCli(['verify', '--data', dir]);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/Store intact/);
    },
    SLOW,
  );

  it(
    'killed part-way through writing patients: demo again succeeds',
    async () => {
      const dir = join(tmp.dir, `killed-demo-${++n}`);
      const child = spawn(process.execPath, [BIN, 'demo', '--data', dir, '--patients', '3000'], {
        env: cliEnv(),
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | null>((r) =>
        child.once('exit', (_c, sig) => r(sig)),
      );
      // Its build folder appears when it starts writing; 3,000 patients take seconds more.
      const building = () =>
        existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('.ehrbs-building-'));
      for (let i = 0; i < 1000 && !building(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(building()).toBe(true);
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(existsSync(join(dir, 'clinic.db'))).toBe(false);
      const again = await runCli(['demo', '--data', dir, '--patients', '20']);
      expect(again.code).toBe(0);
      expect((await runCli(['verify', '--data', dir])).code).toBe(0);
    },
    SLOW,
  );
});

describe('ehrbs ical', () => {
  it('refuses a range over its documented 62 days and never quotes a value the user did not type', async () => {
    const dir = copyOfBase();
    for (const [from, to] of [
      ['1900-01-01', '2999-12-31'],
      ['2026-12-01', '9999-12-31'],
    ] as const) {
      const r = await runCli(
        [
          'ical',
          '--data',
          dir,
          '--user',
          ADMIN.email,
          '--doctor',
          'x@y.z',
          '--from',
          from,
          '--to',
          to,
        ],
        asAdmin,
      );
      const line = expectOneErrorLine(r);
      expect(line).toMatch(/62 days/);
      expect(line).not.toContain('+0');
      expect(r.code).toBe(2);
    }
  });
});
