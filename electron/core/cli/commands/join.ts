// `ehrbs join`: a new workstation joins a clinic with a one-time code, then
// bootstraps from the server's snapshot (with progress) instead of replaying history.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../../shared/errors';
import { optionalString, requireString } from '../args';
import { EXIT, type Command } from '../command';
import { passphraseWrapper } from '../key-wrapper';
import { hasStore } from '../store-access';
import { joinClinic } from '../../sync/enrollment';
import { syncRound } from '../../sync/sync-round';
import { printRound } from './sync-summary';

export const joinCommand: Command = {
  name: 'join',
  summary: 'set up this workstation for an existing clinic with a one-time code',
  usage: `usage: ehrbs join --data DIR --server URL --fingerprint FP --code CODE [--name NAME]

Creates a new encrypted store in DIR (protected by a NEW local passphrase from
EHRBS_PASSPHRASE), enrolls it with the sync server using the one-time CODE
from "ehrbs enroll-code", and downloads the clinic.

  --data DIR          a new data directory (refused if it already holds a store)
  --server URL        the sync server
  --fingerprint FP    the server's CA fingerprint (pinned)
  --code CODE         the one-time enrollment code
  --name NAME         this workstation's name (default "Workstation")

Environment: EHRBS_PASSPHRASE (the new local passphrase).`,
  options: {
    data: { type: 'string' },
    server: { type: 'string' },
    fingerprint: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
  },
  async run(values, io) {
    const dir = resolve(requireString('join', values, 'data'));
    if (existsSync(dir) && hasStore(dir))
      throw new AppError('STORE_EXISTS', `${dir} already holds an EHRBS store.`);
    const store = await joinClinic(dir, await passphraseWrapper({ forNewStore: true }), {
      serverUrl: requireString('join', values, 'server'),
      fingerprint: requireString('join', values, 'fingerprint'),
      code: requireString('join', values, 'code'),
      deviceName: optionalString(values, 'name') ?? 'Workstation',
    });
    try {
      let shown = -1;
      const result = await syncRound(store, {
        onProgress: (f) => {
          const pct = Math.floor(f * 100);
          if (pct >= shown + 10 || pct === 100) {
            shown = pct;
            io.note(`Downloading the clinic: ${pct}%\n`);
          }
        },
      });
      printRound(io, result);
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
