// The formatting module every screen and printed document uses: the clinic's
// date order, 12/24-hour time, its time zone and its currency, never the
// machine's locale.
import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatClock,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatMoney,
  formatTime,
  weekdayName,
} from '../../../shared/format';
import type { ClinicLocale } from '../../../shared/domain/clinic-locale';

const uk: ClinicLocale = {
  dateFormat: 'DD/MM/YYYY',
  timeFormat: '24h',
  timeZone: 'Europe/London',
  currency: 'GBP',
};
const us: ClinicLocale = {
  dateFormat: 'MM/DD/YYYY',
  timeFormat: '12h',
  timeZone: 'America/New_York',
  currency: 'USD',
};
const iso: ClinicLocale = { ...uk, dateFormat: 'YYYY-MM-DD' };

describe('dates', () => {
  it('writes a calendar date in each offered order, without shifting it', () => {
    expect(formatCalendarDate('2026-12-02', 'YYYY-MM-DD')).toBe('2026-12-02');
    expect(formatCalendarDate('2026-12-02', 'DD/MM/YYYY')).toBe('02/12/2026');
    expect(formatCalendarDate('2026-12-02', 'MM/DD/YYYY')).toBe('12/02/2026');
    expect(formatCalendarDate('2026-12-02', 'DD.MM.YYYY')).toBe('02.12.2026');
    // A date of birth is the same day whatever the clinic's zone.
    expect(formatDate('1980-01-01', { ...us, timeZone: 'Pacific/Kiritimati' })).toBe('01/01/1980');
  });

  it('gives the date of an instant in the clinic time zone', () => {
    expect(formatDate('2026-12-02T14:30:00.000Z', uk)).toBe('02/12/2026');
    expect(formatDate(Date.parse('2026-12-02T14:30:00.000Z'), iso)).toBe('2026-12-02');
    expect(formatDate(new Date('2026-12-02T14:30:00.000Z'), us)).toBe('12/02/2026');
  });

  it('writes day and month for calendar headings, and English weekday names', () => {
    expect(formatDayMonth('2026-12-02', 'DD/MM/YYYY')).toBe('02/12');
    expect(formatDayMonth('2026-12-02', 'MM/DD/YYYY')).toBe('12/02');
    expect(formatDayMonth('2026-12-02', 'YYYY-MM-DD')).toBe('12-02');
    expect(weekdayName('2026-12-02')).toBe('Wednesday');
    expect(weekdayName('2026-12-06', true)).toBe('Sun');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatCalendarDate('not a date', 'DD/MM/YYYY')).toBe('not a date');
    expect(formatDate('garbage', uk)).toBe('garbage');
  });
});

describe('times', () => {
  it('writes 24-hour and 12-hour clocks, midnight and noon included', () => {
    expect(formatClock(0, '24h')).toBe('00:00');
    expect(formatClock(0, '12h')).toBe('12:00 AM');
    expect(formatClock(12 * 60, '24h')).toBe('12:00');
    expect(formatClock(12 * 60, '12h')).toBe('12:00 PM');
    expect(formatClock(14 * 60 + 30, '24h')).toBe('14:30');
    expect(formatClock(14 * 60 + 30, '12h')).toBe('2:30 PM');
    expect(formatClock(9 * 60 + 5, '12h')).toBe('9:05 AM');
    expect(formatClock(23 * 60 + 59, '12h')).toBe('11:59 PM');
  });

  it('shows an instant at the clinic wall clock, summer time included', () => {
    expect(formatTime('2026-12-02T14:30:00.000Z', uk)).toBe('14:30');
    expect(formatTime('2026-07-02T14:30:00.000Z', uk)).toBe('15:30');
    expect(formatTime('2026-12-02T14:30:00.000Z', us)).toBe('9:30 AM');
    expect(formatDateTime('2026-12-02T14:30:00.000Z', uk)).toBe('02/12/2026 14:30');
    expect(formatDateTime('2026-12-02T14:30:00.000Z', us)).toBe('12/02/2026 9:30 AM');
  });

  it('puts an instant on the clinic day when the zone crosses midnight', () => {
    // 03:30 UTC on 2 December is still 1 December, 10:30 PM in New York...
    expect(formatDateTime('2026-12-02T03:30:00.000Z', us)).toBe('12/01/2026 10:30 PM');
    // ...and already 3 December in Auckland (UTC+13 in summer).
    const auckland: ClinicLocale = { ...uk, timeZone: 'Pacific/Auckland' };
    expect(formatDateTime('2026-12-02T11:15:00.000Z', auckland)).toBe('03/12/2026 00:15');
    expect(formatDateTime('2026-12-02T11:15:00.000Z', { ...auckland, timeFormat: '12h' })).toBe(
      '03/12/2026 12:15 AM',
    );
  });
});

describe('money', () => {
  it('uses the currency symbol on screen and the code on documents, grouped by thousands', () => {
    expect(formatMoney(123450, uk)).toBe('£1,234.50');
    expect(formatMoney(123450, uk, 'code')).toBe('1,234.50 GBP');
    expect(formatMoney(5, us)).toBe('$0.05');
    expect(formatMoney(-1000, uk)).toBe('-£10.00');
    expect(formatMoney(-1000, uk, 'code')).toBe('-10.00 GBP');
    expect(formatMoney(0, { currency: 'EUR' })).toBe('€0.00');
  });

  it("follows the currency's own decimals", () => {
    expect(formatMoney(1500, { currency: 'JPY' })).toBe('¥1,500');
    expect(formatMoney(1500, { currency: 'KWD' }, 'code')).toBe('1.500 KWD');
    expect(formatMoney(123456789, { currency: 'CHF' }, 'code')).toBe('1,234,567.89 CHF');
  });
});
