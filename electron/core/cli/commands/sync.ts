// `ehrbs sync`: one sync round, then a one-line summary.
import { requireString } from '../args';
import { EXIT, type Command } from '../command';
import { openStore, requireClinic } from '../store-access';
import { syncRound } from '../../sync/sync-round';
import { printRound } from './sync-summary';

export const syncCommand: Command = {
  name: 'sync',
  summary: 'push local changes, pull others, and report conflicts and clock offset',
  usage: `usage: ehrbs sync --data DIR

One sync round with the server this workstation is connected to. Prints what
was pushed and pulled, how many scheduling conflicts there are, and the clock
offset to the server (with a warning in plain words when it is too large).

  --data DIR     the store's data directory

Environment: EHRBS_PASSPHRASE.`,
  options: { data: { type: 'string' } },
  async run(values, io) {
    const store = await openStore(requireString('sync', values, 'data'));
    try {
      requireClinic(store);
      printRound(io, await syncRound(store));
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
