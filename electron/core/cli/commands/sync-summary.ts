import type { CliOutput } from '../command';
import type { SyncRoundResult } from '../../sync/sync-round';

export function printRound(io: CliOutput, r: SyncRoundResult): void {
  const offset =
    r.clockOffsetMs === null
      ? 'unknown'
      : `${r.clockOffsetMs >= 0 ? '+' : ''}${r.clockOffsetMs} ms`;
  io.out(
    `pushed ${r.pushed}, pulled ${r.pulled}, conflicts ${r.conflicts}, clock offset ${offset}\n`,
  );
  if (r.clockWarning) io.note(`warning: ${r.clockWarning}\n`);
}
