// The idle probe: the clinic's last server sequence from `POST /v1/head`, so the
// scheduler pulls only when another workstation's work has landed. One https
// agent per store and identity is kept (keep-alive), so a probe every couple of
// seconds costs one small request on an open connection, not a TLS handshake.
import { AppError } from '../../../shared/errors';
import { HeadResponse } from '../../../shared/sync/protocol';
import type { ClinicStore } from '../clinic/clinic-store';
import { syncHttp, versions, type SyncHttp } from './sync-http';
import { FOREIGN_ANSWER } from './sync-round';

const clients = new WeakMap<ClinicStore, { key: string; http: SyncHttp }>();

/** A short timeout: a probe that hangs must not delay the next one for 30 s. */
const HEAD_TIMEOUT_MS = 5000;

export async function serverHead(store: ClinicStore): Promise<number> {
  const id = store.sync.identity();
  if (!id) throw new AppError('UNAVAILABLE', 'This workstation is not connected to a sync server.');
  const key = `${id.serverUrl}\n${id.certPem}`;
  let client = clients.get(store);
  if (client?.key !== key) {
    client = {
      key,
      http: syncHttp(
        id.serverUrl,
        { ca: id.caPem, cert: id.certPem, key: id.keyPem },
        HEAD_TIMEOUT_MS,
      ),
    };
    clients.set(store, client);
  }
  const res = await client.http.post(
    '/v1/head',
    { ...versions, tenantId: store.tenantId ?? undefined },
    HeadResponse,
  );
  if (res.tenantId !== store.tenantId) {
    throw new AppError('INTEGRITY_FAILED', FOREIGN_ANSWER);
  }
  return res.lastSeq;
}
