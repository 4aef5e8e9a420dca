// Runs the real `ehrbs` command (node bin/ehrbs.js) in a child process, as a
// user would, and fingerprints data directories to prove "nothing changed".
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../../bin/ehrbs.js');
export const PASSPHRASE = 'correct horse battery';
export const ADMIN_EMAIL = 'admin@example.test';
export const ADMIN_PASSWORD = 'admin-password-1';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Cheap scrypt for the store key (tests only); no inherited EHRBS_* settings. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const all: Record<string, string | undefined> = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    EHRBS_PASSPHRASE: PASSPHRASE,
    EHRBS_SCRYPT_LOG_N: '10',
    ...extra,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

/** Async, so several CLI runs (and the test runner) can share the two CPUs. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = cliEnv()): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.end();
  });
}

/** Every file under `dir` (recursively) with the SHA-256 of its bytes. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[p] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** The one-line error contract: exactly one line on stderr, starting "ehrbs: ". */
export function expectOneErrorLine(r: CliResult): string {
  const lines = r.stderr.split('\n').filter((l) => l.length > 0);
  if (lines.length !== 1 || !lines[0]?.startsWith('ehrbs: ')) {
    throw new Error(`expected one "ehrbs: ..." line on stderr, got: ${JSON.stringify(r.stderr)}`);
  }
  if (r.code === 0) throw new Error('expected a non-zero exit code');
  return lines[0];
}

export const initArgs = (dir: string) => [
  'init',
  '--data',
  dir,
  '--clinic',
  'Riverside Clinic',
  '--admin-email',
  ADMIN_EMAIL,
  '--admin-name',
  'Ada Admin',
  '--time-zone',
  'Europe/London',
  '--currency',
  'GBP',
];
