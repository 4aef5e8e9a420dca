// The renderer's clinic formatters: what the calendar headings, the date label
// and every screen's dates, times and amounts read as for a UK and a US clinic,
// from the profile the session carries, never from the browser's locale.
import { describe, expect, it } from 'vitest';
import { clinicFormat } from '../../../renderer/src/stores/clinic-format';

const uk = clinicFormat({
  dateFormat: 'DD/MM/YYYY',
  timeFormat: '24h',
  timeZone: 'Europe/London',
  currency: 'GBP',
});
const us = clinicFormat({
  dateFormat: 'MM/DD/YYYY',
  timeFormat: '12h',
  timeZone: 'America/New_York',
  currency: 'USD',
});

describe('clinic formatters', () => {
  it('write calendar headings and the long date label in the clinic order', () => {
    expect(uk.shortDate('2026-12-02')).toBe('Wed 02/12');
    expect(us.shortDate('2026-12-02')).toBe('Wed 12/02');
    expect(uk.longDate('2026-12-02')).toBe('Wednesday 02/12/2026');
    expect(us.longDate('2026-12-02')).toBe('Wednesday 12/02/2026');
  });

  it('write times, instants and money in the clinic format and zone', () => {
    expect(uk.clock(14 * 60 + 30)).toBe('14:30');
    expect(us.clock(14 * 60 + 30)).toBe('2:30 PM');
    expect(uk.dateTime('2026-12-02T14:30:00.000Z')).toBe('02/12/2026 14:30');
    expect(us.dateTime('2026-12-02T14:30:00.000Z')).toBe('12/02/2026 9:30 AM');
    expect(uk.money(123450)).toBe('£1,234.50');
    // An invoice in another currency keeps its own.
    expect(uk.money(123450, 'EUR')).toBe('€1,234.50');
  });
});
