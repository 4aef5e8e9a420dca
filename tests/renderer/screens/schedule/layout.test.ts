// Where the calendar puts things: overlapping appointments side by side, free
// slots only where nothing holds the time, all in the clinic's time zone.
import { describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import type { AppointmentStatus } from '../../../../shared/domain/enums';
import {
  columnKey,
  freeSlotStarts,
  gridHours,
  groupByColumn,
  placeInLanes,
  spansOn,
  type Timed,
} from '../../../../renderer/src/screens/schedule/layout';

const LONDON = 'Europe/London';
let n = 0;
function appointment(at: string, minutes = 15, status: AppointmentStatus = 'scheduled') {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const view: AppointmentView = {
    id,
    tenantId: id,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    doctorId: 'doctor-a',
    patientId: id,
    scheduledAt: at,
    durationMinutes: minutes,
    status,
    notes: '',
    cancelReason: null,
    overbookReason: null,
    patientName: `Patient ${n}`,
    patientMrn: `MRN-${n}`,
    doctorName: 'Dr A',
  };
  return view;
}
const timed = (start: number, minutes = 15, status?: AppointmentStatus): Timed => ({
  appointment: appointment('2026-06-01T08:00:00.000Z', minutes, status),
  start,
});
const lanesOf = (placed: ReturnType<typeof placeInLanes>) =>
  placed.map((p) => [p.start, p.lane, p.lanes]);

describe('placeInLanes', () => {
  it('puts appointments that do not overlap in one full-width lane', () => {
    expect(lanesOf(placeInLanes([timed(540), timed(555), timed(600)]))).toEqual([
      [540, 0, 1],
      [555, 0, 1],
      [600, 0, 1],
    ]);
  });

  it('puts two overlapping appointments side by side, each half wide', () => {
    expect(lanesOf(placeInLanes([timed(540), timed(540)]))).toEqual([
      [540, 0, 2],
      [540, 1, 2],
    ]);
  });

  it('splits only the cluster that overlaps; a later appointment is full width again', () => {
    // 09:00-10:00 overlaps 09:15 and 09:45 (which do not overlap each other): two lanes.
    const placed = placeInLanes([timed(540, 60), timed(555, 15), timed(585, 15), timed(660)]);
    expect(lanesOf(placed)).toEqual([
      [540, 0, 2],
      [555, 1, 2],
      [585, 1, 2],
      [660, 0, 1],
    ]);
  });

  it('reuses a lane as soon as it is free, so three in a chain need two lanes', () => {
    const placed = placeInLanes([timed(540, 30), timed(555, 30), timed(570, 30)]);
    expect(lanesOf(placed)).toEqual([
      [540, 0, 2],
      [555, 1, 2],
      [570, 0, 2],
    ]);
  });
});

describe('groupByColumn', () => {
  it('files appointments under their doctor and clinic-local date, sorted by local start', () => {
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (summer time).
    const late = appointment('2026-05-31T23:30:00.000Z');
    const early = appointment('2026-05-31T22:30:00.000Z');
    const grouped = groupByColumn([late, early], LONDON);
    expect(grouped.get(columnKey('doctor-a', '2026-06-01'))?.map((t) => t.start)).toEqual([30]);
    expect(grouped.get(columnKey('doctor-a', '2026-05-31'))?.map((t) => t.start)).toEqual([
      23 * 60 + 30,
    ]);
  });
});

describe('freeSlotStarts', () => {
  const day = [{ start: 540, end: 600 }]; // 09:00-10:00

  it('offers every slot of the working span', () => {
    expect(freeSlotStarts(day, [], 15, 0)).toEqual([540, 555, 570, 585]);
  });

  it('leaves out slots an appointment holds, even in part', () => {
    const placed = placeInLanes([timed(550, 15)]); // 09:10-09:25
    expect(freeSlotStarts(day, placed, 15, 0)).toEqual([570, 585]);
  });

  it('a cancelled or no-show appointment holds no time', () => {
    const placed = placeInLanes([timed(540, 15, 'cancelled'), timed(555, 15, 'no_show')]);
    expect(freeSlotStarts(day, placed, 15, 0)).toEqual([540, 555, 570, 585]);
  });

  it('offers nothing before "now" and no slot that would run past the span', () => {
    expect(freeSlotStarts(day, [], 15, 560)).toEqual([570, 585]);
    expect(freeSlotStarts(day, [], 40, 0)).toEqual([540]);
  });
});

describe('gridHours and spansOn', () => {
  it('shows at least 08:00-18:00, widened to whole hours around anything outside', () => {
    expect(gridHours([], [])).toEqual({ start: 480, end: 1080 });
    expect(gridHours([{ start: 7 * 60 + 30, end: 19 * 60 + 10 }], [])).toEqual({
      start: 420,
      end: 1200,
    });
  });

  it('turns working intervals into local minutes on their own date only', () => {
    const nine = Date.parse('2026-06-01T08:00:00.000Z'); // 09:00 in London
    const intervals = [
      { start: nine, end: nine + 3 * 3_600_000 },
      { start: nine + 86_400_000, end: nine + 86_400_000 + 3_600_000 },
    ];
    expect(spansOn(intervals, '2026-06-01', LONDON)).toEqual([{ start: 540, end: 720 }]);
  });
});
