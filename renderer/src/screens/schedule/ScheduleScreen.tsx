// The Schedule screen: the calendar (day and week, one doctor or all), the
// front desk's list for today, and a doctor's queue, with the booking,
// appointment and hours panels.
import { useEffect } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useSchedule, type ScheduleTab } from '../../stores/schedule-store';
import { useSession } from '../../stores/session-store';
import '../../styles/schedule.css';
import { CalendarPane } from './CalendarPane';
import { DoctorQueue } from './DoctorQueue';
import { TodayList } from './TodayList';

const tabs: { tab: ScheduleTab; label: string }[] = [
  { tab: 'calendar', label: 'Calendar' },
  { tab: 'today', label: 'Today’s list' },
  { tab: 'queue', label: 'Doctor’s queue' },
];

export function ScheduleScreen() {
  const session = useSession((s) => s.session);
  if (!session) return null;
  return <Schedule session={session} />;
}

function Schedule({ session }: { session: SessionInfo }) {
  const timeZone = session.tenant.timeZone;
  const tab = useSchedule((s) => s.tab);
  const setTab = useSchedule((s) => s.setTab);
  const start = useSchedule((s) => s.start);
  const today = useSchedule((s) => s.today);

  useEffect(() => {
    void start(timeZone);
  }, [start, timeZone]);

  return (
    <div className="screen schedule">
      <div className="schedule__title-row">
        <ScreenHeading>Schedule</ScreenHeading>
        <div className="segmented" role="group" aria-label="Schedule views">
          {tabs.map((t) => (
            <button
              key={t.tab}
              type="button"
              className="button"
              aria-pressed={tab === t.tab}
              onClick={() => setTab(t.tab)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      {!today && <p role="status">Opening the schedule…</p>}
      {today && tab === 'calendar' && <CalendarPane session={session} today={today} />}
      {today && tab === 'today' && <TodayList session={session} today={today} />}
      {today && tab === 'queue' && <DoctorQueue session={session} today={today} />}
    </div>
  );
}
