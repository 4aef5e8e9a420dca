// A sync server in its own process, for the concurrency and throughput benchmarks: the
// workstations' side (TLS, JSON) then does not run on the server's event loop,
// as in production. Started by server-child.ts; reports its address over IPC
// and stops on "stop". Reads EHRBS_BENCH_DATA_DIR and, for PostgreSQL,
// EHRBS_BENCH_DATABASE_URL.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
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
  caFingerprint: server.caFingerprint,
  adminToken: server.newAdminToken ?? '',
});
// EHRBS_BENCH_SERVER_PROFILE=DIR: a CPU profile of the whole server process, written at stop.
const profileDir = process.env['EHRBS_BENCH_SERVER_PROFILE'];
const session = profileDir ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
const stop = async () => {
  if (session && profileDir) {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(
      join(profileDir, `sync-server-${process.pid}.cpuprofile`),
      JSON.stringify(profile),
    );
  }
  await server.close();
  process.exit(0);
};
process.on('message', (m) => {
  if (m === 'stop') void stop();
});
// The parent died without asking: do not outlive it.
process.on('disconnect', () => void stop());
