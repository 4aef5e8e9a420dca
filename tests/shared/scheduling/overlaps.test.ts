import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appointmentOverlaps,
  assertNoClash,
  findClash,
  type OwnedAppointment,
} from '../../../shared/scheduling';
import { appt } from './fixtures';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('appointment overlaps', () => {
  it('reports two bookings of one doctor that overlap, ids sorted', () => {
    const list = [
      appt({ id: B, at: '2026-03-03T14:10:00.000Z', patientId: 'p1' }),
      appt({ id: A, at: '2026-03-03T14:00:00.000Z', patientId: 'p2' }),
    ];
    expect(appointmentOverlaps(list)).toEqual([
      { kind: 'doctor', appointmentIds: [A, B], ownerId: 'doctor-a' },
    ]);
  });

  it('reports one patient booked with two doctors at once', () => {
    const list = [
      appt({ id: A, at: '2026-03-03T14:00:00.000Z', doctorId: 'd1', patientId: 'p1', minutes: 30 }),
      appt({ id: B, at: '2026-03-03T14:20:00.000Z', doctorId: 'd2', patientId: 'p1', minutes: 30 }),
    ];
    expect(appointmentOverlaps(list)).toEqual([
      { kind: 'patient', appointmentIds: [A, B], ownerId: 'p1' },
    ]);
  });

  it('reports the same pair under both kinds when doctor and patient are the same', () => {
    const list = [
      appt({ id: A, at: '2026-03-03T14:00:00.000Z', patientId: 'p1' }),
      appt({ id: B, at: '2026-03-03T14:05:00.000Z', patientId: 'p1' }),
    ];
    expect(appointmentOverlaps(list).map((c) => c.kind)).toEqual(['doctor', 'patient']);
  });

  it('does not treat back-to-back bookings as overlapping', () => {
    const list = [
      appt({ id: A, at: '2026-03-03T14:00:00.000Z', minutes: 15, patientId: 'p1' }),
      appt({ id: B, at: '2026-03-03T14:15:00.000Z', minutes: 15, patientId: 'p1' }),
    ];
    expect(appointmentOverlaps(list)).toEqual([]);
  });

  it('ignores cancelled, no-show and deleted appointments', () => {
    const at = '2026-03-03T14:00:00.000Z';
    const list = [
      appt({ id: A, at }),
      appt({ id: B, at, status: 'cancelled' }),
      appt({ id: C, at, status: 'no_show' }),
      appt({ at, deleted: true }),
    ];
    expect(appointmentOverlaps(list)).toEqual([]);
  });

  it('lists every pair when three bookings overlap, including a long one spanning two', () => {
    const list = [
      appt({ id: C, at: '2026-03-03T14:00:00.000Z', minutes: 120 }),
      appt({ id: A, at: '2026-03-03T14:00:00.000Z', minutes: 15 }),
      appt({ id: B, at: '2026-03-03T15:00:00.000Z', minutes: 15 }),
    ];
    expect(appointmentOverlaps(list).map((c) => c.appointmentIds)).toEqual([
      [A, C],
      [B, C],
    ]);
  });

  it('derives the identical list from any order of the same rows', () => {
    const row = fc.record({
      doctor: fc.constantFrom('d1', 'd2', 'd3'),
      patient: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
      slot: fc.integer({ min: 0, max: 30 }),
      minutes: fc.constantFrom(10, 15, 30, 45),
      status: fc.constantFrom('scheduled', 'checked_in', 'cancelled' as const),
    });
    const rows = fc.uniqueArray(fc.tuple(fc.uuid(), row), { selector: (r) => r[0], maxLength: 25 });
    fc.assert(
      fc.property(rows, fc.nat(), (rs, seed) => {
        const list: OwnedAppointment[] = rs.map(([id, r]) =>
          appt({
            id,
            doctorId: r.doctor,
            patientId: r.patient,
            at: new Date(Date.UTC(2026, 2, 3, 14) + r.slot * 10 * 60_000).toISOString(),
            minutes: r.minutes,
            status: r.status,
          }),
        );
        // A seeded Fisher-Yates shuffle: another replica's delivery order.
        const shuffled = [...list];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [
            shuffled[j] as OwnedAppointment,
            shuffled[i] as OwnedAppointment,
          ];
        }
        const result = appointmentOverlaps(list);
        expect(appointmentOverlaps(shuffled)).toEqual(result);
        // And it is the same set a plain all-pairs check finds.
        const naive: string[] = [];
        const live = list.filter((a) => a.status !== 'cancelled');
        for (const [i, x] of live.entries()) {
          for (const y of live.slice(i + 1)) {
            const xs = Date.parse(x.scheduledAt);
            const ys = Date.parse(y.scheduledAt);
            if (!(xs < ys + y.durationMinutes * 60_000 && ys < xs + x.durationMinutes * 60_000))
              continue;
            const ids = [x.id, y.id].sort().join(',');
            if (x.doctorId === y.doctorId) naive.push(`doctor ${x.doctorId} ${ids}`);
            if (x.patientId === y.patientId) naive.push(`patient ${x.patientId} ${ids}`);
          }
        }
        const found = result.map((c) => `${c.kind} ${c.ownerId} ${c.appointmentIds.join(',')}`);
        expect([...found].sort()).toEqual(naive.sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe('single booking check', () => {
  const existing = [
    appt({ id: A, at: '2026-03-03T14:00:00.000Z', minutes: 30, doctorId: 'd1', patientId: 'p1' }),
    appt({ id: B, at: '2026-03-03T14:00:00.000Z', minutes: 30, doctorId: 'd2', patientId: 'p2' }),
  ];
  const candidate = { doctorId: 'd1', patientId: 'p9', durationMinutes: 15 };

  it('finds the doctor already booked at that time', () => {
    const clash = findClash({ ...candidate, scheduledAt: '2026-03-03T14:15:00.000Z' }, existing);
    expect(clash?.kind).toBe('doctor');
    expect(clash?.appointment.id).toBe(A);
  });

  it('finds the patient already booked with another doctor', () => {
    const c = { doctorId: 'd3', patientId: 'p2', durationMinutes: 15 };
    const clash = findClash({ ...c, scheduledAt: '2026-03-03T14:15:00.000Z' }, existing);
    expect(clash).toEqual({ kind: 'patient', appointment: existing[1] });
  });

  it('reports the doctor clash first when both apply', () => {
    const c = { doctorId: 'd1', patientId: 'p2', durationMinutes: 15 };
    expect(findClash({ ...c, scheduledAt: '2026-03-03T14:00:00.000Z' }, existing)?.kind).toBe(
      'doctor',
    );
  });

  it('allows booking right after, or moving an appointment onto its own time', () => {
    expect(
      findClash({ ...candidate, scheduledAt: '2026-03-03T14:30:00.000Z' }, existing),
    ).toBeNull();
    expect(
      findClash({ ...candidate, id: A, scheduledAt: '2026-03-03T14:10:00.000Z' }, existing),
    ).toBeNull();
  });

  it('allows booking over a cancelled appointment', () => {
    const cancelled = [
      appt({ at: '2026-03-03T14:00:00.000Z', doctorId: 'd1', status: 'cancelled' }),
    ];
    expect(
      findClash({ ...candidate, scheduledAt: '2026-03-03T14:00:00.000Z' }, cancelled),
    ).toBeNull();
  });

  it('refuses a double booking with SLOT_TAKEN and a message without patient data', () => {
    const attempt = (): void =>
      assertNoClash({ ...candidate, scheduledAt: '2026-03-03T14:15:00.000Z' }, existing);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'SLOT_TAKEN',
        message: 'The doctor already has an appointment that overlaps this time.',
      }),
    );
  });
});
