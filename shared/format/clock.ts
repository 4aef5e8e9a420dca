// Clock times as people type them into a form. A 12-hour clinic writes
// "2:30 PM"; people also type "2:30pm", "2:30 p.m." or the 24-hour "14:30",
// and all of them mean the same time, so the parse accepts each whatever the
// clinic's format, and the field then shows the time in the clinic's format.
// Stored and sent times stay 'HH:MM' (24 h, TimeOfDay in shared/domain).
import type { TimeFormat } from '../domain/clinic-locale';
import { formatClock } from './date-time';

const TYPED = /^(\d{1,2})(?::(\d{2}))?(?:\s*([ap])\.?\s*m\.?)?$/;
const STORED = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * A typed clock time as minutes past midnight, or null when the text is not a
 * time: '2:30 PM', '2:30pm', '2 pm', '12:05 AM' (00:05), '14:30', '9:05'.
 * A bare hour needs AM or PM ("2" alone could be either); an hour above 12
 * with AM or PM ("14:30 PM") is not a time.
 */
export function parseClock(text: string): number | null {
  const m = TYPED.exec(text.trim().toLowerCase());
  if (!m) return null;
  const [, hText, mText, meridiem] = m as unknown as [string, string, string?, string?];
  const hour = Number(hText);
  const minute = mText === undefined ? 0 : Number(mText);
  if (minute > 59) return null;
  if (meridiem === undefined) {
    if (mText === undefined || hour > 23) return null;
    return hour * 60 + minute;
  }
  if (hour < 1 || hour > 12) return null;
  return ((hour % 12) + (meridiem === 'p' ? 12 : 0)) * 60 + minute;
}

/** Minutes past midnight as the stored 'HH:MM' (24 h). */
export function storedClock(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A stored 'HH:MM' as the clinic writes it; other text comes back unchanged. */
export function clockText(hhmm: string, timeFormat: TimeFormat): string {
  const m = STORED.exec(hhmm);
  return m ? formatClock(Number(m[1]) * 60 + Number(m[2]), timeFormat) : hhmm;
}

/** A typed time as the stored 'HH:MM', or null when it is not a time. */
export function storedClockOf(text: string): string | null {
  const minutes = parseClock(text);
  return minutes === null ? null : storedClock(minutes);
}

/** The inline message for text that is not a time, with an example in the clinic's format. */
export const clockProblem = (timeFormat: TimeFormat): string =>
  `Enter a time such as ${timeFormat === '12h' ? '2:30 PM' : '14:30'}`;
