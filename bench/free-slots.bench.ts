// Free-slot search for a whole clinic: 50 doctors x 4 weeks, ~20 bookings per
// doctor per working day, across a daylight-saving change. Target: <= 50 ms.
// Run: node bin/run-ts.js bench/free-slots.bench.ts
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Availability } from '../shared/domain/availability';
import type { AppointmentStatus } from '../shared/domain/enums';
import { freeSlots, type TimedAppointment } from '../shared/scheduling';

const TIME_ZONE = 'America/New_York';
// Four weeks that include the 8 March 2026 clock change.
const FROM = '2026-03-02';
const TO = '2026-03-29';
const DOCTORS = 50;
const BOOKINGS_PER_DAY = 20;
const WARM_UP = 10;
const REPETITIONS = 30;

export interface FreeSlotsBenchResult {
  doctors: number;
  appointments: number;
  slots: number;
  p50Ms: number;
  p95Ms: number;
}

/** Small deterministic PRNG, so every run measures the same clinic. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Doctor {
  availability: Availability;
  appointments: TimedAppointment[];
}

function buildDoctor(i: number, rand: () => number): Doctor {
  const slotMinutes = [15, 20, 30][i % 3] ?? 15;
  const days = i % 4 === 0 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
  const availability: Availability = {
    slotMinutes,
    weekly: days.map((weekday) =>
      weekday === 6
        ? { weekday, start: '09:00', end: '13:00' }
        : { weekday, start: '08:00', end: '18:00' },
    ),
    breaks: days
      .filter((d) => d !== 6)
      .map((weekday) => ({ weekday, start: '12:30', end: '13:30' })),
    exceptions: [
      { kind: 'time_off', date: '2026-03-13' },
      { kind: 'time_off', date: '2026-03-18', span: { start: '14:00', end: '16:00' } },
      { kind: 'extra', date: '2026-03-22', span: { start: '10:00', end: '12:00' } },
    ],
  };
  const statuses: AppointmentStatus[] = [
    'scheduled',
    'scheduled',
    'scheduled',
    'completed',
    'cancelled',
    'no_show',
  ];
  const appointments: TimedAppointment[] = [];
  const start = Date.UTC(2026, 2, 2);
  for (let day = 0; day < 28; day++) {
    // Bookings roughly across the working day (13:00Z-23:00Z covers 08:00-18:00 local).
    for (let k = 0; k < BOOKINGS_PER_DAY; k++) {
      const minute = 13 * 60 + Math.floor(rand() * 10 * 60);
      const at = start + day * 86_400_000 + Math.floor(minute / 5) * 5 * 60_000;
      appointments.push({
        scheduledAt: new Date(at).toISOString(),
        durationMinutes: slotMinutes * (rand() < 0.15 ? 2 : 1),
        status: statuses[Math.floor(rand() * statuses.length)] ?? 'scheduled',
        deletedAt: rand() < 0.02 ? new Date(start).toISOString() : null,
      });
    }
  }
  return { availability, appointments };
}

function percentile(sorted: readonly number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] ?? Number.NaN;
}

export function run(): FreeSlotsBenchResult {
  const rand = mulberry32(20260302);
  const doctors = Array.from({ length: DOCTORS }, (_, i) => buildDoctor(i, rand));
  let slots = 0;
  const once = (): number => {
    let count = 0;
    for (const d of doctors) {
      count += freeSlots({
        availability: d.availability,
        timeZone: TIME_ZONE,
        fromDate: FROM,
        toDate: TO,
        appointments: d.appointments,
      }).length;
    }
    return count;
  };
  for (let i = 0; i < WARM_UP; i++) slots = once();
  const times: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const t0 = performance.now();
    slots = once();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    doctors: DOCTORS,
    appointments: doctors.reduce((n, d) => n + d.appointments.length, 0),
    slots,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
  };
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  const r = run();
  console.log(
    `free slots ${r.doctors} doctors x 4 weeks: p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms (target <= 50 ms)`,
  );
  console.log(`  (${r.appointments} appointments, ${r.slots} free slots found per run)`);
}
