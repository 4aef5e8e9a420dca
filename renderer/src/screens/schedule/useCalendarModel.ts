// Builds the calendar's columns from the store's data, memoised on the data so
// re-renders that change nothing (a panel opening, say) do no layout work.
import { useMemo } from 'react';
import type { AppointmentView, DoctorView } from '../../../../shared/api/scheduling';
import { addDaysToDate, localDateOf, type Interval } from '../../../../shared/scheduling';
import type { DateRange } from '../../stores/schedule-store';
import {
  columnKey,
  freeSlotStarts,
  gridHours,
  groupByColumn,
  placeInLanes,
  spansOn,
  type Span,
} from './layout';
import type { ColumnModel } from './TimeColumn';
import { localMinutes, shortDate } from './time';

export function datesOf(range: DateRange): string[] {
  const out: string[] = [];
  for (let d = range.fromDate; d <= range.toDate; d = addDaysToDate(d, 1)) out.push(d);
  return out;
}

interface Input {
  range: DateRange;
  doctors: readonly DoctorView[];
  appointments: readonly AppointmentView[];
  workingHours: Record<string, Interval[]>;
  timeZone: string;
  now: number;
  /** False for the compact week, which books from its day views instead. */
  withSlots: boolean;
}

export function useCalendarModel(input: Input): { columns: ColumnModel[]; hours: Span } {
  const { range, doctors, appointments, workingHours, timeZone, now, withSlots } = input;
  return useMemo(() => {
    const grouped = groupByColumn(appointments, timeZone);
    const today = localDateOf(now, timeZone);
    const nowMinutes = localMinutes(now, timeZone);
    const columns: ColumnModel[] = [];
    const dates = datesOf(range);
    for (const doctor of doctors) {
      for (const date of dates) {
        const placed = placeInLanes(grouped.get(columnKey(doctor.id, date)) ?? []);
        const working = spansOn(workingHours[doctor.id] ?? [], date, timeZone);
        const notBefore = date < today ? Infinity : date === today ? nowMinutes : 0;
        const slotMinutes = doctor.availability.slotMinutes;
        columns.push({
          key: columnKey(doctor.id, date),
          doctorId: doctor.id,
          doctorName: doctor.displayName,
          date,
          label: shortDate(date),
          placed,
          working,
          slots: withSlots ? freeSlotStarts(working, placed, slotMinutes, notBefore) : [],
          slotMinutes,
        });
      }
    }
    const hours = gridHours(
      columns.flatMap((c) => c.working),
      columns.flatMap((c) => c.placed),
    );
    return { columns, hours };
  }, [range, doctors, appointments, workingHours, timeZone, now, withSlots]);
}
