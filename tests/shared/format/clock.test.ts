// Typed clock times (the booking form's Time, availability's From/To): what
// is read as a time, what is refused, and how a stored time is shown.
import { describe, expect, it } from 'vitest';
import {
  clockProblem,
  clockText,
  parseClock,
  storedClock,
  storedClockOf,
} from '../../../shared/format';

const at = (h: number, m: number) => h * 60 + m;

describe('parseClock', () => {
  it('reads 12-hour times with AM or PM, however they are typed', () => {
    for (const text of ['2:30 PM', '2:30pm', '2:30 p.m.', ' 2:30  PM ', '02:30 pm', '2:30P.M.'])
      expect({ text, minutes: parseClock(text) }).toEqual({ text, minutes: at(14, 30) });
    expect(parseClock('2 pm')).toBe(at(14, 0));
    expect(parseClock('9:05 am')).toBe(at(9, 5));
  });

  it('reads midnight and noon as a 12-hour clock writes them', () => {
    expect(parseClock('12:00 AM')).toBe(0);
    expect(parseClock('12:05 am')).toBe(5);
    expect(parseClock('12:00 PM')).toBe(at(12, 0));
    expect(parseClock('12:59 PM')).toBe(at(12, 59));
    expect(parseClock('11:59 PM')).toBe(at(23, 59));
  });

  it('reads 24-hour times', () => {
    expect(parseClock('14:30')).toBe(at(14, 30));
    expect(parseClock('09:00')).toBe(at(9, 0));
    expect(parseClock('9:00')).toBe(at(9, 0));
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('23:59')).toBe(at(23, 59));
  });

  it('refuses text that is not a time', () => {
    for (const text of [
      '',
      '   ',
      'soon',
      '2',
      '14',
      '24:00',
      '25:10',
      '14:60',
      '14:5',
      '14:30 PM',
      '0:30 AM',
      '13 pm',
      '2:30 xm',
      '2:30 PM tomorrow',
      '1430',
      '-1:00',
    ])
      expect({ text, minutes: parseClock(text) }).toEqual({ text, minutes: null });
  });
});

describe('stored and shown times', () => {
  it('turns a typed time into the stored HH:MM, or null', () => {
    expect(storedClockOf('2:30 PM')).toBe('14:30');
    expect(storedClockOf('12:15 am')).toBe('00:15');
    expect(storedClockOf('9:05')).toBe('09:05');
    expect(storedClockOf('half past two')).toBeNull();
    expect(storedClock(at(8, 0))).toBe('08:00');
  });

  it('shows a stored time in the clinic’s format, and anything else as it is', () => {
    expect(clockText('14:30', '12h')).toBe('2:30 PM');
    expect(clockText('00:05', '12h')).toBe('12:05 AM');
    expect(clockText('14:30', '24h')).toBe('14:30');
    expect(clockText('2:30 pm', '12h')).toBe('2:30 pm');
    expect(clockText('', '24h')).toBe('');
  });

  it('round-trips every minute of the day through both formats', () => {
    for (let m = 0; m < 24 * 60; m++) {
      expect(parseClock(clockText(storedClock(m), '12h'))).toBe(m);
      expect(parseClock(clockText(storedClock(m), '24h'))).toBe(m);
    }
  });

  it('says what a time looks like in the clinic’s format', () => {
    expect(clockProblem('12h')).toBe('Enter a time such as 2:30 PM');
    expect(clockProblem('24h')).toBe('Enter a time such as 14:30');
  });
});
