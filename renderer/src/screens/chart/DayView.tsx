// A doctor's day, where they land after login: their own appointments for
// today, checked-in patients first. "Start visit" starts the appointment and
// opens its visit note; any row opens the patient's chart.
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { localDateOf } from '../../../../shared/scheduling';
import { api, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TitleRow } from '../../components/TitleRow';
import { formatDate, formatInstant } from '../../lib/format';
import { useNav } from '../../stores/nav-store';
import '../../styles/chart.css';
import { dayQueue } from './chart-model';
import { offerPdf } from './download';
import { chartHref, chartRoute } from './route';

const statusText: Record<AppointmentView['status'], string> = {
  scheduled: 'Booked',
  checked_in: 'Checked in',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export function DayView({ session }: { session: SessionInfo }) {
  const go = useNav((s) => s.go);
  const timeZone = session.tenant.timeZone;
  const [today] = useState(() => localDateOf(Date.now(), timeZone));
  const [items, setItems] = useState<AppointmentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([
      api('doctors.list', {}),
      api('schedule.range', { fromDate: today, toDate: today }),
    ])
      .then(([doctors, day]) => {
        if (!live) return;
        const mine = doctors.find((d) => d.userId === session.user.id);
        setItems(mine ? dayQueue(day.appointments, mine.id) : []);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [today, session.user.id]);

  const startVisit = async (a: AppointmentView) => {
    try {
      if (a.status === 'checked_in')
        await api('appointments.setStatus', { id: a.id, status: 'in_progress' });
      go(chartRoute.href({ kind: 'visit', patientId: a.patientId, appointmentId: a.id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const visitSummary = async (a: AppointmentView) => {
    try {
      offerPdf(await api('documents.visitSummary', { appointmentId: a.id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="screen chart-day">
      <TitleRow title="My day">
        <span>{formatDate(today)}</span>
      </TitleRow>
      <ErrorAlert message={error} />
      {items === null && !error && <p role="status">Opening your day…</p>}
      {items?.length === 0 && <p className="panel panel--empty">No appointments today.</p>}
      <ol className="queue" aria-label="Today’s appointments">
        {items?.map((a) => (
          <li key={a.id} className="queue__item">
            <span className="queue__time">{formatInstant(a.scheduledAt, timeZone)}</span>
            <a className="queue__name" href={chartHref(a.patientId)}>
              {a.patientName}
            </a>
            <span className="status-pill">{statusText[a.status]}</span>
            {(a.status === 'checked_in' || a.status === 'in_progress') && (
              <button
                type="button"
                className="button button--primary"
                aria-label={`${a.status === 'checked_in' ? 'Start visit' : 'Continue visit'}: ${a.patientName}`}
                onClick={() => void startVisit(a)}
              >
                {a.status === 'checked_in' ? 'Start visit' : 'Continue visit'}
              </button>
            )}
            {(a.status === 'in_progress' || a.status === 'completed') && (
              <button
                type="button"
                className="button"
                aria-label={`Visit summary (PDF): ${a.patientName}`}
                onClick={() => void visitSummary(a)}
              >
                Visit summary (PDF)
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
