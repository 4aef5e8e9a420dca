// A sync server in its own process, for the concurrency benchmark: the
// workstations' side (TLS, JSON) then does not run on the server's event loop,
// as in production. Started by server-child.ts; reports its address over IPC
// and stops on "stop". Reads EHRBS_BENCH_DATA_DIR and, for PostgreSQL,
// EHRBS_BENCH_DATABASE_URL.
import { startServer } from '../../sync-server/src/server';

const dataDir = process.env['EHRBS_BENCH_DATA_DIR'];
if (!dataDir || !process.send) throw new Error('server-process.ts runs only under server-child.ts');
const databaseUrl = process.env['EHRBS_BENCH_DATABASE_URL'];
const server = await startServer({
  dataDir,
  port: 0,
  logLevel: 'silent',
  ...(databaseUrl ? { databaseUrl } : {}),
});
process.send({
  url: server.url,
  caPem: server.caCertPem,
  adminToken: server.newAdminToken ?? '',
});
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('message', (m) => {
  if (m === 'stop') void stop();
});
// The parent died without asking: do not outlive it.
process.on('disconnect', () => void stop());
