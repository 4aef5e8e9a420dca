// Each workstation's audit chain, checked on request (the same check as
// `ehrbs verify`): intact, or the first entry that does not check out; and
// what the last sync found against the chain tips the server acknowledged
// (newest entries missing here, or lost on the server).
import type { DeviceChainStatus } from '../../../../../shared/api/audit';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatCount } from '../../../lib/format';
import { useSync } from '../../../stores/sync-store';
import { useRequest } from '../../../lib/useRequest';
import { useState } from 'react';

const reasons: Record<NonNullable<DeviceChainStatus['firstBreak']>['reason'], string> = {
  hash_mismatch: 'its content was changed',
  broken_link: 'it does not follow the entry before it',
  sequence_gap: 'an entry is missing',
};

export function ChainStatus() {
  const check = useRequest();
  const [status, setStatus] = useState<DeviceChainStatus[] | null>(null);
  const sync = useSync().status;
  const tipLine =
    !sync?.connected || !sync.lastSyncAt
      ? null
      : (sync.auditWarning ??
        'At the last sync, every chain held here matched what the sync server acknowledged.');
  const columns: Column<DeviceChainStatus>[] = [
    { header: 'Workstation', rowHeader: true, cell: (d) => d.deviceName ?? d.deviceId.slice(0, 8) },
    { header: 'Entries', cell: (d) => formatCount(d.entries) },
    {
      header: 'Chain',
      cell: (d) =>
        d.firstBreak
          ? `Broken at entry ${d.firstBreak.deviceSeq}: ${reasons[d.firstBreak.reason]}`
          : 'Intact',
    },
  ];
  return (
    <section className="panel" aria-labelledby="chain-title">
      <h3 id="chain-title">Audit chains</h3>
      <ErrorAlert message={check.failure?.message ?? null} />
      {tipLine && (
        <p className={sync?.auditWarning ? 'chain-tip chain-tip--warn' : 'chain-tip'}>{tipLine}</p>
      )}
      <button
        type="button"
        className="button"
        disabled={check.busy}
        onClick={() => void check.run(async () => setStatus(await api('audit.chainStatus', {})))}
      >
        {check.busy ? 'Checking…' : 'Check the audit chains'}
      </button>
      {status && (
        <DataTable
          className="data-table"
          caption="Audit chain of each workstation"
          columns={columns}
          rows={status}
          rowKey={(d) => d.deviceId}
        />
      )}
    </section>
  );
}
