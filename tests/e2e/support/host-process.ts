// Starts the real browser host (`ehrbs-start --web`) in a fresh temp data dir
// on a free port, and reads the launch URL it prints. Used by the Playwright
// fixture and by scripts/screenshots.ts, so both drive the app exactly as a
// person running `npm run web` would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import type { ApiResult } from '../../../shared/api/contract';

const repoRoot = resolve(import.meta.dirname, '../../..');
const START_TIMEOUT_MS = 60_000;

export interface RunningHost {
  /** The printed launch URL, with the secret in its fragment. */
  readonly launchUrl: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly secret: string;
  /** Calls the API as the page would (same secret), for test setup shortcuts. */
  api<N extends ChannelName>(channel: N, request: ApiRequest<N>): Promise<ApiResponse<N>>;
  stop(): Promise<void>;
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the host printed no URL within ${START_TIMEOUT_MS} ms:\n${output()}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(output());
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolvePromise(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`the host exited (code ${String(code)}) before printing a URL:\n${output()}`),
      );
    });
  });
}

/**
 * The host on a data dir the caller owns and keeps (the Schedule spec reads its
 * audit log with `ehrbs export` while the host runs; benchmarks seed a store
 * through the core before serving it).
 */
export async function startHostOn(dataDir: string, passphrase: string): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    ['bin/ehrbs-start.js', '--web', '--port', '0', '--data', dataDir],
    {
      cwd: repoRoot,
      env: { ...process.env, EHRBS_PASSPHRASE: passphrase },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  };

  let launchUrl: string;
  try {
    launchUrl = await waitForUrl(child, () => log);
  } catch (e) {
    await stop();
    throw e;
  }
  const url = new URL(launchUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get('k') ?? '';

  return {
    launchUrl,
    origin: url.origin,
    secret,
    async api(channel, request) {
      const response = await fetch(`${url.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ehrbs-secret': secret },
        body: JSON.stringify(request),
      });
      const result = (await response.json()) as ApiResult<ApiResponse<typeof channel>>;
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    stop,
  };
}

/** The host in a fresh temp data dir, removed again by stop(). */
export async function startHost(): Promise<RunningHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ehrbs-e2e-'));
  const host = await startHostOn(dataDir, 'e2e passphrase, not a secret').catch(
    async (e: unknown) => {
      await rm(dataDir, { recursive: true, force: true });
      throw e;
    },
  );
  return {
    ...host,
    async stop() {
      await host.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
