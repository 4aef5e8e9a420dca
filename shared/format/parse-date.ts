// A calendar date typed by a person, in the clinic's date format or as ISO
// (YYYY-MM-DD is always understood, so pasted and scanned dates work in every
// clinic). The other half of formatCalendarDate: what a date field shows is
// what it reads back.
import type { DateFormat } from '../domain/clinic-locale';

const pad = (n: string) => n.padStart(2, '0');

/** Whether year-month-day is a day that exists (no 31 February). */
function exists(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * The ISO date (YYYY-MM-DD) of text typed in `format` (day and month may have
 * one digit; the year has four) or in ISO; null when it is neither, or names a
 * day that does not exist.
 */
export function parseCalendarDate(text: string, format: DateFormat): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let parts: [string, string, string] | null = iso
    ? [iso[1] ?? '', iso[2] ?? '', iso[3] ?? '']
    : null;
  if (!parts) {
    const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(t);
    if (!m) return null;
    const [a, b, y] = [m[1] ?? '', m[3] ?? '', m[4] ?? ''];
    switch (format) {
      case 'DD/MM/YYYY':
      case 'DD.MM.YYYY':
        parts = [y, b, a];
        break;
      case 'MM/DD/YYYY':
        parts = [y, a, b];
        break;
      case 'YYYY-MM-DD':
        return null;
    }
  }
  const [y, mo, d] = parts;
  if (!exists(Number(y), Number(mo), Number(d))) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
