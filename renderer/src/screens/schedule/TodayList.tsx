// The front desk's day: every appointment today in time order, with Check in
// for those who have not arrived yet.
import type { AppointmentView } from '../../../../shared/api/scheduling';
import type { SessionInfo } from '../../../../shared/api/session';
import { api } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { clockTimeOf, longDate } from './time';
import { useDayList } from './useDayList';
import { StatusPill } from './StatusPill';

interface Props {
  session: SessionInfo;
  today: string;
}

export function TodayList({ session, today }: Props) {
  const { items, error, act } = useDayList(today);
  const tz = session.tenant.timeZone;
  const live = items?.filter((a) => a.status !== 'cancelled') ?? [];
  const columns: Column<AppointmentView>[] = [
    { header: 'Time', cell: (a) => clockTimeOf(Date.parse(a.scheduledAt), tz) },
    { header: 'Patient', rowHeader: true, cell: (a) => a.patientName },
    { header: 'Doctor', cell: (a) => a.doctorName },
    {
      header: 'Status',
      cell: (a) => <StatusPill status={a.status} />,
    },
    {
      header: 'Actions',
      hiddenHeader: true,
      cell: (a) =>
        a.status === 'scheduled' && (
          <button
            type="button"
            className="button button--primary"
            aria-label={`Check in ${a.patientName}`}
            onClick={() =>
              void act(() => api('appointments.setStatus', { id: a.id, status: 'checked_in' }))
            }
          >
            Check in
          </button>
        ),
    },
  ];
  return (
    <section className="day-list" aria-labelledby="today-title">
      <h2 id="today-title">Arrivals · {longDate(today)}</h2>
      <ErrorAlert message={error} />
      {items === null ? (
        <p role="status">Loading…</p>
      ) : live.length === 0 ? (
        <p className="panel panel--empty">No appointments today.</p>
      ) : (
        <DataTable className="day-table" columns={columns} rows={live} rowKey={(a) => a.id} />
      )}
    </section>
  );
}
