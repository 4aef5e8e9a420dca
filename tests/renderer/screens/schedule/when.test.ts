// An appointment's time as its form holds it and as the core wants it.
import { describe, expect, it } from 'vitest';
import { whenOf, whenProblems, whenRequest } from '../../../../renderer/src/screens/schedule/when';

const LONDON = 'Europe/London';

describe('when', () => {
  it('shows an instant as the clinic wall clock, and sends it back as the same instant', () => {
    const at = Date.parse('2026-06-01T08:00:00.000Z');
    const when = whenOf('d1', at, 20, LONDON, '24h');
    expect(when).toEqual({
      doctorId: 'd1',
      date: '2026-06-01',
      time: '09:00',
      durationMinutes: '20',
    });
    expect(whenRequest(when, LONDON)).toEqual({
      doctorId: 'd1',
      scheduledAt: '2026-06-01T08:00:00.000Z',
      durationMinutes: 20,
    });
  });

  it('reads the same wall-clock time in winter as a different UTC instant (no DST drift)', () => {
    const winter = { doctorId: 'd1', date: '2026-12-01', time: '09:00', durationMinutes: '15' };
    expect(whenRequest(winter, LONDON).scheduledAt).toBe('2026-12-01T09:00:00.000Z');
  });

  it('sends no instant while the date or time is not filled in, and says which', () => {
    const blank = { doctorId: 'd1', date: '', time: '', durationMinutes: '' };
    expect(whenRequest(blank, LONDON)).toEqual({
      doctorId: 'd1',
      scheduledAt: undefined,
      durationMinutes: undefined,
    });
    expect(whenProblems(blank, '24h')).toEqual({
      date: 'Enter a date',
      time: 'Enter a time',
      durationMinutes: 'Required',
    });
    expect(whenProblems(whenOf('d1', Date.now(), 15, LONDON, '24h'), '24h')).toEqual({});
    expect(whenProblems(whenOf('d1', Date.now(), 15, LONDON, '12h'), '12h')).toEqual({});
  });

  it('shows the time in a 12-hour clinic’s format and reads it, typed any usual way', () => {
    const at = Date.parse('2026-06-01T13:30:00.000Z'); // 14:30 in London (summer)
    expect(whenOf('d1', at, 15, LONDON, '12h').time).toBe('2:30 PM');
    for (const time of ['2:30 PM', '2:30pm', '14:30']) {
      const when = { doctorId: 'd1', date: '2026-06-01', time, durationMinutes: '15' };
      expect({ time, at: whenRequest(when, LONDON).scheduledAt }).toEqual({
        time,
        at: '2026-06-01T13:30:00.000Z',
      });
      expect(whenProblems(when, '12h')).toEqual({});
    }
  });

  it('says on the field when the text is not a time, with the clinic’s example, and sends no instant', () => {
    const when = { doctorId: 'd1', date: '2026-06-01', time: 'half two', durationMinutes: '15' };
    expect(whenRequest(when, LONDON).scheduledAt).toBeUndefined();
    expect(whenProblems(when, '12h')).toEqual({ time: 'Enter a time such as 2:30 PM' });
    expect(whenProblems({ ...when, time: '14:30 PM' }, '24h')).toEqual({
      time: 'Enter a time such as 14:30',
    });
  });
});
