import { describe, expect, it } from 'vitest';
import { AppointmentStatus } from '../../../shared/domain/enums';
import { assertTransition, canTransition, nextStatuses } from '../../../shared/scheduling';

const allowed = new Set([
  'scheduled>checked_in',
  'checked_in>in_progress',
  'in_progress>completed',
  'scheduled>cancelled',
  'checked_in>cancelled',
  'scheduled>no_show',
]);

describe('appointment status transitions', () => {
  it('allows exactly the lifecycle steps, and refuses every other pair', () => {
    for (const from of AppointmentStatus.options) {
      for (const to of AppointmentStatus.options) {
        const ok = allowed.has(`${from}>${to}`);
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(ok);
        if (ok) expect(() => assertTransition(from, to)).not.toThrow();
        else
          expect(() => assertTransition(from, to)).toThrow(
            expect.objectContaining({ code: 'INVALID_TRANSITION' }),
          );
      }
    }
  });

  it('lists the next statuses a front desk can choose', () => {
    expect(nextStatuses('scheduled')).toEqual(['checked_in', 'cancelled', 'no_show']);
    expect(nextStatuses('checked_in')).toEqual(['in_progress', 'cancelled']);
    expect(nextStatuses('in_progress')).toEqual(['completed']);
    expect(nextStatuses('completed')).toEqual([]);
    expect(nextStatuses('cancelled')).toEqual([]);
    expect(nextStatuses('no_show')).toEqual([]);
  });

  it.each([
    ['completed', 'checked_in', 'An appointment that is completed cannot be checked in.'],
    ['cancelled', 'scheduled', 'An appointment that is cancelled cannot be scheduled again.'],
    ['in_progress', 'cancelled', 'An appointment that is in progress cannot be cancelled.'],
    ['checked_in', 'no_show', 'An appointment that is checked in cannot be marked as a no-show.'],
    ['scheduled', 'in_progress', 'An appointment that is scheduled cannot be started.'],
    ['no_show', 'checked_in', 'An appointment that is marked as a no-show cannot be checked in.'],
    ['completed', 'completed', 'The appointment is already completed.'],
  ] as const)('refuses %s -> %s with a plain message', (from, to, message) => {
    expect(() => assertTransition(from, to)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION', message }),
    );
  });
});
