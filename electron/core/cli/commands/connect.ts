// `ehrbs connect`: registers this workstation's clinic with a sync server (the
// server admin token) and makes it the clinic's first enrolled workstation.
import { requireString, optionalString } from '../args';
import { EXIT, type Command } from '../command';
import { readSecret } from '../secrets';
import { openStore, requireClinic } from '../store-access';
import { connectClinic } from '../../sync/enrollment';
import { syncRound } from '../../sync/sync-round';
import { printRound } from './sync-summary';

export const connectCommand: Command = {
  name: 'connect',
  summary: 'register this clinic with a sync server and sync once',
  usage: `usage: ehrbs connect --data DIR --server URL --fingerprint FP [--name NAME]

Registers the clinic held in DIR with the sync server at URL (https://…),
after checking that the server's certificate authority has the SHA-256
fingerprint FP that the server printed at its first start. This workstation
becomes the clinic's first device; a first sync round follows.

  --data DIR          the store's data directory
  --server URL        the sync server, e.g. https://sync.example.org:8443
  --fingerprint FP    the CA fingerprint printed by the server (pinned)
  --name NAME         this workstation's name (default "Workstation 1")

Environment: EHRBS_PASSPHRASE; EHRBS_SERVER_TOKEN (the server admin token).`,
  options: {
    data: { type: 'string' },
    server: { type: 'string' },
    fingerprint: { type: 'string' },
    name: { type: 'string' },
  },
  async run(values, io) {
    const serverUrl = requireString('connect', values, 'server');
    const fingerprint = requireString('connect', values, 'fingerprint');
    const store = await openStore(requireString('connect', values, 'data'));
    try {
      requireClinic(store);
      const adminToken = await readSecret({
        env: 'EHRBS_SERVER_TOKEN',
        label: 'Sync server admin token',
      });
      await connectClinic(store, {
        serverUrl,
        fingerprint,
        adminToken,
        deviceName: optionalString(values, 'name') ?? 'Workstation 1',
      });
      io.note(`Connected to ${serverUrl}. Syncing…\n`);
      printRound(io, await syncRound(store));
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
