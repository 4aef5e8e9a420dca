// Starts one server instance: opens the store, loads (or on first start
// creates) the CA, this instance's TLS certificate and the admin token, and
// listens on HTTPS.
import type { FastifyInstance } from 'fastify';
import { openStore, type StoreOptions } from './store/open-store';
import type { SyncStore } from './store/types';
import { loadServerIdentity } from './pki/server-identity';
import { loadServerKey } from './secure/server-key';
import { setupAdminToken } from './http/admin-token';
import { buildApp, type LogLevel } from './http/app';

export interface ServerOptions extends StoreOptions {
  port: number;
  /** Address to listen on; 127.0.0.1 unless told otherwise. */
  listenHost?: string;
  /** Extra names or addresses for the TLS certificate (besides 127.0.0.1 and localhost). */
  hosts?: string[];
  adminToken?: string;
  /** EHRBS_SERVER_KEY (base64 of 32 bytes); without it, the `server-key` file in the data directory. */
  serverKey?: string;
  logLevel?: LogLevel;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  port: number;
  caFingerprint: string;
  caCertPem: string;
  /** Printed once when this start created the admin token; null otherwise. */
  newAdminToken: string | null;
  store: SyncStore;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // Before the store: a missing or malformed key is refused before anything is created.
  const serverKey = loadServerKey({ dataDir: options.dataDir, fromEnv: options.serverKey });
  const store = await openStore(options);
  try {
    const identity = await loadServerIdentity(store, {
      serverKey,
      dataDir: options.dataDir,
      hosts: options.hosts ?? [],
    });
    const admin = await setupAdminToken(store, options.adminToken);
    const app = buildApp(
      { store, identity, admin, now: options.now ?? (() => new Date()), startedAt: Date.now() },
      options.logLevel ?? 'info',
    );
    const host = options.listenHost ?? '127.0.0.1';
    await app.listen({ port: options.port, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    // A wildcard address is not something a workstation can dial: show the certificate's name instead.
    const shown = host === '0.0.0.0' || host === '::' ? (options.hosts?.[0] ?? '127.0.0.1') : host;
    return {
      url: `https://${shown.includes(':') ? `[${shown}]` : shown}:${port}`,
      port,
      caFingerprint: identity.caFingerprint,
      caCertPem: identity.ca.certPem,
      newAdminToken: admin.newToken,
      store,
      app,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
