// The Schedule screen: the calendar (day and week, one doctor or all), the
// front desk's list for today, and a doctor's queue, with the booking,
// appointment and hours panels.
import { useEffect } from 'react';
import type { ScreenProps } from '../../app/screen-definition';
import { Segmented } from '../../components/Segmented';
import { TitleRow } from '../../components/TitleRow';
import { useSchedule, type ScheduleTab } from '../../stores/schedule-store';
import '../../styles/schedule.css';
import { CalendarPane } from './CalendarPane';
import { DoctorQueue } from './DoctorQueue';
import { TodayList } from './TodayList';

const tabs: { value: ScheduleTab; label: string }[] = [
  { value: 'calendar', label: 'Calendar' },
  { value: 'today', label: 'Today’s list' },
  { value: 'queue', label: 'Doctor’s queue' },
];

export function ScheduleScreen({ session }: ScreenProps<undefined>) {
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
      <TitleRow title="Schedule">
        <Segmented label="Schedule views" segments={tabs} value={tab} onChange={setTab} />
      </TitleRow>
      {!today && <p role="status">Opening the schedule…</p>}
      {today && tab === 'calendar' && <CalendarPane session={session} today={today} />}
      {today && tab === 'today' && <TodayList session={session} today={today} />}
      {today && tab === 'queue' && <DoctorQueue session={session} today={today} />}
    </div>
  );
}
