// Dates typed in the clinic's format (or in ISO) read back as ISO dates; text
// that is not a real day is not a date.
import { describe, expect, it } from 'vitest';
import { formatCalendarDate, parseCalendarDate } from '../../../shared/format';
import { DateFormat } from '../../../shared/domain/clinic-locale';

describe('parseCalendarDate', () => {
  it('reads each clinic format, with one- or two-digit days and months', () => {
    expect(parseCalendarDate('02/12/2026', 'DD/MM/YYYY')).toBe('2026-12-02');
    expect(parseCalendarDate('2/12/2026', 'DD/MM/YYYY')).toBe('2026-12-02');
    expect(parseCalendarDate('12/02/2026', 'MM/DD/YYYY')).toBe('2026-12-02');
    expect(parseCalendarDate('2.12.2026', 'DD.MM.YYYY')).toBe('2026-12-02');
    expect(parseCalendarDate('2026-12-02', 'YYYY-MM-DD')).toBe('2026-12-02');
  });

  it('always understands ISO, whatever the clinic format', () => {
    for (const f of DateFormat.options)
      expect(parseCalendarDate(' 2026-12-2 ', f)).toBe('2026-12-02');
  });

  it('refuses days that do not exist and text that is not a date', () => {
    expect(parseCalendarDate('31/02/2026', 'DD/MM/YYYY')).toBeNull();
    expect(parseCalendarDate('29/02/2025', 'DD/MM/YYYY')).toBeNull();
    expect(parseCalendarDate('29/02/2024', 'DD/MM/YYYY')).toBe('2024-02-29');
    expect(parseCalendarDate('13/13/2026', 'MM/DD/YYYY')).toBeNull();
    expect(parseCalendarDate('12/02/26', 'MM/DD/YYYY')).toBeNull();
    expect(parseCalendarDate('02/12/2026', 'YYYY-MM-DD')).toBeNull();
    expect(parseCalendarDate('tomorrow', 'DD/MM/YYYY')).toBeNull();
    expect(parseCalendarDate('', 'DD/MM/YYYY')).toBeNull();
  });

  it('reads back every date it writes, in every format', () => {
    for (const f of DateFormat.options)
      for (const d of ['1900-01-01', '1988-02-14', '2026-12-31', '2024-02-29'])
        expect(parseCalendarDate(formatCalendarDate(d, f), f)).toBe(d);
  });
});
