// Starts server-process.ts in a child process (through the tsx shim, like the
// other entry points) and waits for its address.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from './workstations';

export interface ChildServer {
  url: string;
  caPem: string;
  caFingerprint: string;
  adminToken: string;
  stop(): Promise<void>;
}

interface Ready {
  url: string;
  caPem: string;
  caFingerprint: string;
  adminToken: string;
}

const root = join(import.meta.dirname, '..', '..');

export async function startChildServer(databaseUrl?: string): Promise<ChildServer> {
  const tmp = tempDir('ehrbs-bench-server-');
  const child = fork(
    join(root, 'bin', 'run-ts.js'),
    [join(root, 'bench', 'support', 'server-process.ts')],
    {
      env: {
        ...process.env,
        EHRBS_BENCH_DATA_DIR: tmp.dir,
        ...(databaseUrl ? { EHRBS_BENCH_DATABASE_URL: databaseUrl } : {}),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`the server process exited (${code})`)));
  });
  return {
    ...ready,
    stop: async () => {
      if (child.connected) child.send('stop');
      await exited;
      tmp.remove();
    },
  };
}
