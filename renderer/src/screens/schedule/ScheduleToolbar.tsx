// Above the calendar: dates, Day/Week, the doctor picker, the iCalendar export
// of what is shown, and (for whoever may) the doctor's hours.
import type { SessionInfo } from '../../../../shared/api/session';
import { api } from '../../api/client';
import { Segmented, type Segment } from '../../components/Segmented';
import { SelectField } from '../../components/SelectField';
import { useRequest } from '../../lib/useRequest';
import { rangeOf, useSchedule, type CalendarView } from '../../stores/schedule-store';
import { DateNavigator } from './DateNavigator';
import { downloadText } from '../../lib/download';
import { canEditHours } from './permissions';

const views: Segment<CalendarView>[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
];

interface Props {
  session: SessionInfo;
  today: string;
}

export function ScheduleToolbar({ session, today }: Props) {
  const { view, date, doctor, doctors, setView, setDate, setDoctor, openPanel } = useSchedule();
  const exporting = useRequest();
  const chosen = doctors?.find((d) => d.id === doctor);

  const exportIcs = async () => {
    if (!chosen) return;
    const file = await exporting.run(() =>
      api('schedule.icalExport', { doctorId: chosen.id, ...rangeOf(view, date) }),
    );
    // A refusal shows where the calendar's other errors do.
    if (file.ok) downloadText(file.value.filename, file.value.content, 'text/calendar');
    else useSchedule.setState({ error: file.failure.message });
  };

  return (
    <div className="schedule-toolbar">
      <DateNavigator view={view} date={date} today={today} onDate={setDate} />
      <Segmented label="Calendar view" segments={views} value={view} onChange={setView} />
      <SelectField
        label="Doctor"
        value={doctor}
        onChange={setDoctor}
        options={[
          { value: 'all', label: 'All doctors' },
          ...(doctors ?? []).map((d) => ({ value: d.id, label: d.displayName })),
        ]}
      />
      <div className="schedule-toolbar__actions">
        <button
          type="button"
          className="button"
          disabled={!chosen || exporting.busy}
          onClick={() => void exportIcs()}
          title={chosen ? undefined : 'Choose one doctor to export their calendar'}
        >
          Export .ics
        </button>
        {chosen && canEditHours(session, chosen) && (
          <button
            type="button"
            className="button"
            onClick={() => openPanel({ kind: 'hours', doctorId: chosen.id })}
          >
            Hours
          </button>
        )}
      </div>
    </div>
  );
}
