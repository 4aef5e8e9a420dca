// The calendar tab: toolbar, the calendar, and the side panel for booking or
// an appointment's details. The hours editor takes the whole area.
import { useRef } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSchedule } from '../../stores/schedule-store';
import { AppointmentDetails } from './AppointmentDetails';
import { AvailabilityEditor } from './AvailabilityEditor';
import { BookingPanel } from './BookingPanel';
import { Calendar } from './Calendar';
import { ScheduleToolbar } from './ScheduleToolbar';

interface Props {
  session: SessionInfo;
  today: string;
}

export function CalendarPane({ session, today }: Props) {
  const panel = useSchedule((s) => s.panel);
  const error = useSchedule((s) => s.error);
  const loading = useSchedule((s) => s.loading);
  const timeZone = session.tenant.timeZone;
  const scrollRef = useRef<HTMLDivElement>(null);

  if (panel.kind === 'hours') {
    return <AvailabilityEditor key={panel.doctorId} doctorId={panel.doctorId} today={today} />;
  }
  return (
    <>
      <ScheduleToolbar session={session} today={today} />
      <ErrorAlert message={error} />
      <p className="visually-hidden" role="status">
        {loading ? 'Loading the schedule…' : ''}
      </p>
      <div
        className={
          panel.kind === 'none' ? 'schedule__body' : 'schedule__body schedule__body--panel'
        }
      >
        <div className="schedule__calendar" ref={scrollRef}>
          <Calendar timeZone={timeZone} scrollRef={scrollRef} />
        </div>
        {panel.kind === 'book' && (
          <BookingPanel
            key={`${panel.doctorId}-${panel.start}`}
            doctorId={panel.doctorId}
            start={panel.start}
            timeZone={timeZone}
          />
        )}
        {panel.kind === 'details' && (
          <AppointmentDetails key={panel.id} id={panel.id} timeZone={timeZone} />
        )}
      </div>
    </>
  );
}
