// The clinic profile's date and time format choices, each shown with an example
// (the same sample instant, 2 December 2026 at 14:30) so an admin sees what
// every screen and document will look like.
import { DateFormat, TimeFormat, UnitSystem } from '../../../../shared/domain/clinic-locale';
import { formatCalendarDate, formatClock } from '../../../../shared/format';
import type { Option } from '../../components/SelectField';

const SAMPLE_DATE = '2026-12-02';
const SAMPLE_MINUTES = 14 * 60 + 30;

const dateNames: Record<DateFormat, string> = {
  'YYYY-MM-DD': 'ISO',
  'DD/MM/YYYY': 'Day first (UK)',
  'MM/DD/YYYY': 'Month first (US)',
  'DD.MM.YYYY': 'Day first with dots',
};

export const dateFormatOptions: Option[] = DateFormat.options.map((f) => ({
  value: f,
  label: `${dateNames[f]}: ${formatCalendarDate(SAMPLE_DATE, f)}`,
}));

export const timeFormatOptions: Option[] = TimeFormat.options.map((f) => ({
  value: f,
  label: `${f === '24h' ? '24-hour' : '12-hour'}: ${formatClock(SAMPLE_MINUTES, f)}`,
}));

/** Vitals are stored metric either way; this is how they are typed and read. */
export const unitSystemOptions: Option[] = UnitSystem.options.map((u) => ({
  value: u,
  label: u === 'metric' ? 'Metric: kg, cm, °C' : 'Imperial: lb, in, °F',
}));
