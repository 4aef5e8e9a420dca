// A real sync server in this process, on 127.0.0.1 (random port, real TLS),
// over a temp data directory (SQLite) or a throwaway PostgreSQL database.
import { startServer, type RunningServer } from '../../sync-server/src/server';
import { tempDir } from './workstations';

export interface BenchServer {
  server: RunningServer;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startBenchServer(databaseUrl?: string): Promise<BenchServer> {
  const tmp = tempDir('ehrbs-bench-server-');
  const server = await startServer({
    dataDir: tmp.dir,
    port: 0,
    logLevel: 'silent',
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  return {
    server,
    dataDir: tmp.dir,
    stop: async () => {
      await server.close();
      tmp.remove();
    },
  };
}
