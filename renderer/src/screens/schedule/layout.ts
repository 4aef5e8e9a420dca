// Where things go on the time grid, as pure functions of the data (memoised by
// the components): appointments grouped by column, overlapping ones given
// lanes side by side, working hours as shaded spans, and the free slots.
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { MINUTE_MS, isBlockingStatus, type Interval } from '../../../../shared/scheduling';
import { localParts } from './time';

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

/** An appointment with its local start (minutes past midnight). */
export interface Timed {
  appointment: AppointmentView;
  start: number;
}

/** Appointments by column (doctor and local date), each column sorted by start. */
export function groupByColumn(
  appointments: readonly AppointmentView[],
  timeZone: string,
): Map<string, Timed[]> {
  const out = new Map<string, Timed[]>();
  for (const appointment of appointments) {
    const { date, minutes } = localParts(Date.parse(appointment.scheduledAt), timeZone);
    const key = columnKey(appointment.doctorId, date);
    const item = { appointment, start: minutes };
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

/** Lanes for overlapping appointments: each cluster of overlaps is split evenly. */
export function placeInLanes(sorted: readonly Timed[]): Placed[] {
  const placed: Placed[] = [];
  let cluster: Placed[] = [];
  let clusterEnd = -1;
  let laneEnds: number[] = [];
  const close = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const { appointment, start } of sorted) {
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
    const local = localParts(i.start, timeZone);
    if (local.date !== date) continue;
    out.push({
      start: local.minutes,
      end: local.minutes + Math.round((i.end - i.start) / MINUTE_MS),
    });
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
