// An appointment's time as its form holds it and as the core wants it.
import { describe, expect, it } from 'vitest';
import { whenOf, whenProblems, whenRequest } from '../../../../renderer/src/screens/schedule/when';

const LONDON = 'Europe/London';

describe('when', () => {
  it('shows an instant as the clinic wall clock, and sends it back as the same instant', () => {
    const at = Date.parse('2026-06-01T08:00:00.000Z');
    const when = whenOf('d1', at, 20, LONDON);
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
    expect(whenProblems(blank)).toEqual({
      date: 'Enter a date',
      time: 'Enter a time',
      durationMinutes: 'Required',
    });
    expect(whenProblems(whenOf('d1', Date.now(), 15, LONDON))).toEqual({});
  });
});
