// The audit entries: when (clinic time), who, what, which record (a patient's
// linked), where. Newest first; the panel appends older pages below.
import type { AuditEntryView } from '../../../../../shared/api/audit';
import { DataTable, type Column } from '../../../components/DataTable';
import { formatInstant } from '../../../lib/format';
import { patientsRoute } from '../../patients/route';
import { auditActionLabel, tableLabel } from './audit-filter-model';

interface Props {
  entries: readonly AuditEntryView[];
  timeZone: string;
}

export function AuditTable({ entries, timeZone }: Props) {
  const columns: Column<AuditEntryView>[] = [
    { header: 'When', cell: (e) => formatInstant(e.timestamp, timeZone) },
    { header: 'Who', rowHeader: true, cell: (e) => e.userName ?? 'Nobody signed in' },
    { header: 'Action', cell: (e) => auditActionLabel(e.action) },
    {
      header: 'Record',
      cell: (e) => (
        <>
          {tableLabel(e.table)}
          {e.patientId && (
            <>
              {' · '}
              <a href={patientsRoute.href({ kind: 'view', id: e.patientId })}>Open patient</a>
            </>
          )}
        </>
      ),
    },
    { header: 'Workstation', cell: (e) => e.deviceName ?? e.deviceId.slice(0, 8) },
    { header: 'Detail', cell: (e) => e.detail },
  ];
  return (
    <DataTable
      className="data-table"
      caption="Audit entries"
      columns={columns}
      rows={entries}
      rowKey={(e) => e.id}
    />
  );
}
