// `npm start` on a machine without Electron's binary (like the CI machines):
// one plain line saying so, then the browser host, stopped cleanly by SIGTERM.
// Runs the real entry point in a child process, as `npm start` does.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ehrbs-start-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

function startApp(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(process.execPath, ['bin/ehrbs-start.js', ...args, '--data', dataDir], {
    cwd: repoRoot,
    // No Electron binary here either way; the override makes sure of it on any machine.
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(dataDir, 'no-electron') },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  return { child, output: () => output };
}

const exitOf = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  new Promise((r) => child.once('exit', (code) => r(code)));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 25_000; waited += 100) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('npm start without Electron', () => {
  it('says so in one line, serves the app in the browser, and stops on SIGTERM', async () => {
    const { child, output } = startApp(['--port', '0']);
    const exited = exitOf(child);
    await until(() => /Open http:\/\/127\.0\.0\.1:\d+\/#k=\S+/.test(output()), 'the URL');
    const fallbackLines = output()
      .split('\n')
      .filter((line) => line.includes('Electron cannot be launched'));
    expect(fallbackLines).toEqual([
      'Electron cannot be launched on this machine (its binary is not installed); ' +
        'serving the same app in your browser instead.',
    ]);
    expect(output()).toContain('device.key');
    const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/#k=\S+/.exec(output())?.[0] ?? '');
    const secret = url.hash.slice('#k='.length);
    const reply = await fetch(`${url.origin}/api/setup.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ehrbs-secret': secret },
      body: '{}',
    });
    expect(await reply.json()).toMatchObject({ ok: true, value: { state: 'needs_setup' } });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('explains a port that is already taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const { child, output } = startApp(['--web', '--port', String(port)]);
      expect(await exitOf(child)).toBe(1);
      expect(output()).toContain(`Port ${port} is in use`);
      expect(output()).not.toContain('Electron cannot be launched');
    } finally {
      blocker.close();
    }
  });
});
