// Above the calendar: dates, Day/Week, the doctor picker, the iCalendar export
// of what is shown, and (for whoever may) the doctor's hours.
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { api, errorMessage } from '../../api/client';
import { SelectField } from '../../components/SelectField';
import { rangeOf, useSchedule } from '../../stores/schedule-store';
import { DateNavigator } from './DateNavigator';
import { downloadText } from './ical-download';
import { canEditHours } from './permissions';

interface Props {
  session: SessionInfo;
  today: string;
}

export function ScheduleToolbar({ session, today }: Props) {
  const { view, date, doctor, doctors, setView, setDate, setDoctor, openPanel } = useSchedule();
  const [exporting, setExporting] = useState(false);
  const chosen = doctors?.find((d) => d.id === doctor);

  const exportIcs = async () => {
    if (!chosen) return;
    setExporting(true);
    try {
      const file = await api('schedule.icalExport', {
        doctorId: chosen.id,
        ...rangeOf(view, date),
      });
      downloadText(file.filename, file.content, 'text/calendar');
    } catch (e) {
      useSchedule.setState({ error: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="schedule-toolbar">
      <DateNavigator view={view} date={date} today={today} onDate={setDate} />
      <div className="segmented" role="group" aria-label="Calendar view">
        {(['day', 'week'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className="button"
            aria-pressed={view === v}
            onClick={() => setView(v)}
          >
            {v === 'day' ? 'Day' : 'Week'}
          </button>
        ))}
      </div>
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
          disabled={!chosen || exporting}
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
