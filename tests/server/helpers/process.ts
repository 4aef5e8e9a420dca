// The sync server as a real child process (npx ehrbs-sync-server serve), for
// tests of the command line and of crashes.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const SERVER_BIN = join(process.cwd(), 'bin', 'ehrbs-sync-server.js');

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export function spawnServer(args: string[], env: Record<string, string> = {}): ServerProcess {
  const child = spawn(
    process.execPath,
    [SERVER_BIN, 'serve', '--port', '0', '--log-level', 'error', ...args],
    {
      env: { ...process.env, EHRBS_SERVER_TOKEN: '', ...env },
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return {
    child,
    output: () => output,
    async waitFor(pattern) {
      for (let i = 0; i < 300; i++) {
        const m = pattern.exec(output);
        if (m) return m;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the server never printed ${pattern}: ${output}`);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
