// Today, previous and next (a day or a week at a time), and what is shown.
import type { CalendarView } from '../../stores/schedule-store';
import { rangeOf } from '../../stores/schedule-store';
import { addDaysToDate } from '../../../../shared/scheduling';
import { useClinicFormat } from '../../stores/clinic-format';

interface Props {
  view: CalendarView;
  date: string;
  today: string;
  onDate(date: string): void;
}

export function DateNavigator({ view, date, today, onDate }: Props) {
  const { longDate, shortDate } = useClinicFormat();
  const step = view === 'day' ? 1 : 7;
  const unit = view === 'day' ? 'day' : 'week';
  const range = rangeOf(view, date);
  const label =
    view === 'day' ? longDate(date) : `${shortDate(range.fromDate)} – ${shortDate(range.toDate)}`;
  return (
    <div className="datenav" role="group" aria-label="Dates">
      <button type="button" className="button" onClick={() => onDate(today)}>
        Today
      </button>
      <button
        type="button"
        className="button"
        onClick={() => onDate(addDaysToDate(date, -step))}
        aria-label={`Previous ${unit}`}
      >
        ‹
      </button>
      <button
        type="button"
        className="button"
        onClick={() => onDate(addDaysToDate(date, step))}
        aria-label={`Next ${unit}`}
      >
        ›
      </button>
      <p className="datenav__label" aria-live="polite" data-testid="shown-dates">
        {label}
      </p>
    </div>
  );
}
