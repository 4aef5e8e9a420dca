// The front desk's day: every appointment today in time order, filtered by
// where the patient is (to arrive, waiting, in with the doctor, done, no-show)
// and by doctor, each choice with its count; Check in for those who have not
// arrived yet.
import { useState } from 'react';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import type { SessionInfo } from '../../../../shared/api/session';
import { api } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import {
  allOfToday,
  dayListView,
  stages,
  type DayFilter,
  type StageFilter,
} from './day-list-model';
import { clockTimeOf, longDate } from './time';
import { useDayList } from './useDayList';
import { StatusPill } from './StatusPill';

interface Props {
  session: SessionInfo;
  today: string;
}

export function TodayList({ session, today }: Props) {
  const { items, error, act } = useDayList(today);
  const [filter, setFilter] = useState<DayFilter>(allOfToday);
  const tz = session.tenant.timeZone;
  const view = dayListView(items ?? [], filter);
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
  const stageButtons: { value: StageFilter; label: string }[] = [
    { value: 'all', label: 'All' },
    ...stages,
  ];
  return (
    <section className="day-list" aria-labelledby="today-title">
      <h2 id="today-title">Arrivals · {longDate(today)}</h2>
      <ErrorAlert message={error} />
      {items === null ? (
        <p role="status">Loading…</p>
      ) : view.stageCounts.all === 0 && filter.doctor === 'all' ? (
        <p className="panel panel--empty">No appointments today.</p>
      ) : (
        <>
          <div className="day-list__filters">
            <div className="segmented" role="group" aria-label="Show appointments">
              {stageButtons.map((s) => (
                <button
                  key={s.value}
                  type="button"
                  className="button"
                  aria-pressed={filter.stage === s.value}
                  onClick={() => setFilter((f) => ({ ...f, stage: s.value }))}
                >
                  {s.label} <span className="count-badge">{view.stageCounts[s.value]}</span>
                </button>
              ))}
            </div>
            <SelectField
              label="Doctor"
              value={filter.doctor}
              onChange={(doctor) => setFilter((f) => ({ ...f, doctor }))}
              options={[
                { value: 'all', label: `All doctors (${view.allDoctorsCount})` },
                ...view.doctors.map((d) => ({ value: d.id, label: `${d.name} (${d.count})` })),
              ]}
            />
          </div>
          {view.rows.length === 0 ? (
            <p className="panel panel--empty" role="status">
              No appointments match these filters.
            </p>
          ) : (
            <DataTable
              className="day-table"
              caption="Today’s appointments"
              columns={columns}
              rows={view.rows}
              rowKey={(a) => a.id}
            />
          )}
        </>
      )}
    </section>
  );
}
