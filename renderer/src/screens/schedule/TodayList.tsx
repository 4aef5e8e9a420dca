// The front desk's day: every appointment today in time order, with Check in
// for those who have not arrived yet.
import type { SessionInfo } from '../../../../shared/api/session';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { statusLabel } from './status';
import { longDate, timeOf } from './time';
import { useDayList } from './useDayList';

interface Props {
  session: SessionInfo;
  today: string;
}

export function TodayList({ session, today }: Props) {
  const { items, error, act } = useDayList(today);
  const tz = session.tenant.timeZone;
  const live = items?.filter((a) => a.status !== 'cancelled') ?? [];
  return (
    <section className="day-list" aria-labelledby="today-title">
      <h2 id="today-title">Arrivals · {longDate(today)}</h2>
      <ErrorAlert message={error} />
      {items === null ? (
        <p role="status">Loading…</p>
      ) : live.length === 0 ? (
        <p className="panel panel--empty">No appointments today.</p>
      ) : (
        <table className="day-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Patient</th>
              <th scope="col">Doctor</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {live.map((a) => (
              <tr key={a.id}>
                <td>{timeOf(Date.parse(a.scheduledAt), tz)}</td>
                <th scope="row">{a.patientName}</th>
                <td>{a.doctorName}</td>
                <td>
                  <span className={`status-pill appt--${a.status}`}>{statusLabel(a.status)}</span>
                </td>
                <td>
                  {a.status === 'scheduled' && (
                    <button
                      type="button"
                      className="button button--primary"
                      aria-label={`Check in ${a.patientName}`}
                      onClick={() =>
                        void act(() =>
                          api('appointments.setStatus', { id: a.id, status: 'checked_in' }),
                        )
                      }
                    >
                      Check in
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
