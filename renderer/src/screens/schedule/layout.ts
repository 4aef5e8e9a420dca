// Where things go on the time grid, as pure functions of the data (memoised by
// the components): appointments grouped by column, overlapping ones given
// lanes side by side, working hours as shaded spans, and the free slots.
import type { AppointmentView } from '../../../../shared/api/scheduling';
import {
  MINUTE_MS,
  isBlockingStatus,
  localDateOf,
  type Interval,
} from '../../../../shared/scheduling';
import { localMinutes } from './time';

export interface Placed {
  appointment: AppointmentView;
  /** Minutes past local midnight. */
  start: number;
  end: number;
  lane: number;
  lanes: number;
}

export interface Span {
  start: number;
  end: number;
}

export const columnKey = (doctorId: string, date: string): string => `${doctorId}|${date}`;

/** Appointments by column (doctor and local date), each column sorted by start. */
export function groupByColumn(
  appointments: readonly AppointmentView[],
  timeZone: string,
): Map<string, AppointmentView[]> {
  const out = new Map<string, AppointmentView[]>();
  for (const a of appointments) {
    const key = columnKey(a.doctorId, localDateOf(Date.parse(a.scheduledAt), timeZone));
    const list = out.get(key);
    if (list) list.push(a);
    else out.set(key, [a]);
  }
  for (const list of out.values()) list.sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  return out;
}

/** Lanes for overlapping appointments: each cluster of overlaps is split evenly. */
export function placeInLanes(sorted: readonly AppointmentView[], timeZone: string): Placed[] {
  const placed: Placed[] = [];
  let cluster: Placed[] = [];
  let clusterEnd = -1;
  let laneEnds: number[] = [];
  const close = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const appointment of sorted) {
    const start = localMinutes(Date.parse(appointment.scheduledAt), timeZone);
    const end = start + appointment.durationMinutes;
    if (start >= clusterEnd) close();
    let lane = laneEnds.findIndex((e) => e <= start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = end;
    const p: Placed = { appointment, start, end, lane, lanes: 1 };
    cluster.push(p);
    placed.push(p);
    clusterEnd = Math.max(clusterEnd, end);
  }
  close();
  return placed;
}

/** Working intervals that fall on one local date, as minutes past midnight. */
export function spansOn(intervals: readonly Interval[], date: string, timeZone: string): Span[] {
  const out: Span[] = [];
  for (const i of intervals) {
    if (localDateOf(i.start, timeZone) !== date) continue;
    const start = localMinutes(i.start, timeZone);
    out.push({ start, end: start + Math.round((i.end - i.start) / MINUTE_MS) });
  }
  return out;
}

/** Slot starts (minutes) inside working spans not touched by a time-holding appointment. */
export function freeSlotStarts(
  spans: readonly Span[],
  placed: readonly Placed[],
  slotMinutes: number,
  notBefore: number,
): number[] {
  const busy = placed.filter((p) => isBlockingStatus(p.appointment.status));
  const out: number[] = [];
  for (const s of spans) {
    for (let t = s.start; t + slotMinutes <= s.end; t += slotMinutes) {
      if (t < notBefore) continue;
      if (busy.some((b) => b.start < t + slotMinutes && t < b.end)) continue;
      out.push(t);
    }
  }
  return out;
}

/** The hours the grid shows: every working span and appointment, at least 08:00-18:00. */
export function gridHours(spans: readonly Span[], placed: readonly Placed[]): Span {
  let start = 8 * 60;
  let end = 18 * 60;
  for (const s of [...spans, ...placed]) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(24 * 60, Math.ceil(end / 60) * 60) };
}
