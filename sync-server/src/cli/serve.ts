// `ehrbs-sync-server serve`: runs until SIGINT or SIGTERM. What an operator
// needs at first start (the CA fingerprint to give workstations, the admin
// token) goes to stdout in plain words; request logs follow as JSON lines.
import { startServer } from '../server';
import { UsageError, requireStore, type CliArgs } from './args';

export async function serve(args: CliArgs): Promise<void> {
  const store = requireStore(args);
  if (args.port === undefined) throw new UsageError('--port N is required');
  const server = await startServer({
    ...store,
    port: args.port,
    hosts: args.hosts,
    listenHost: args.listen ?? (args.hosts.length > 0 ? '0.0.0.0' : '127.0.0.1'),
    adminToken: process.env.EHRBS_SERVER_TOKEN || undefined,
    serverKey: process.env.EHRBS_SERVER_KEY || undefined,
    logLevel: args.logLevel ?? 'info',
  });
  const lines = [
    `EHRBS sync server listening on ${server.url} (${store.databaseUrl ? 'PostgreSQL' : 'SQLite'} store)`,
    `CA fingerprint (SHA-256), give it to each workstation: ${server.caFingerprint}`,
  ];
  if (server.newAdminToken) {
    lines.push(
      `Server admin token (shown once; keep it safe, or set EHRBS_SERVER_TOKEN): ${server.newAdminToken}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}
