// Starts the real browser host on a data dir the caller owns and keeps (unlike
// host-process.ts, which makes and removes its own). The Schedule spec needs
// the dir to read the audit log with `ehrbs export` while the host runs, and
// the week-view benchmark seeds a store through the core before serving it.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import type { ApiResult } from '../../../shared/api/contract';

const repoRoot = resolve(import.meta.dirname, '../../..');
const START_TIMEOUT_MS = 60_000;

export interface HostOnDir {
  readonly launchUrl: string;
  readonly origin: string;
  api<N extends ChannelName>(channel: N, request: ApiRequest<N>): Promise<ApiResponse<N>>;
  stop(): Promise<void>;
}

export async function startHostOn(dataDir: string, passphrase: string): Promise<HostOnDir> {
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
  child.stdout.setEncoding('utf8').on('data', (c: string) => (log += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (log += c));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  };
  const launchUrl = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`no URL within the timeout:\n${log}`)),
      START_TIMEOUT_MS,
    );
    const onData = () => {
      const m = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(log);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      ok(m[0]);
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the host exited (${String(code)}):\n${log}`));
    });
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  const url = new URL(launchUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get('k') ?? '';
  return {
    launchUrl,
    origin: url.origin,
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
