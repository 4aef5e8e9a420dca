// Builds the calendar's columns from the store's data, memoised on the data so
// re-renders that change nothing (a panel opening, say) do no layout work. The
// store holds a whole week whichever view is shown, so the appointments are
// grouped and laid out in lanes once per answer: switching Day and Week only
// picks columns.
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
  type Placed,
  type Span,
} from './layout';

const NONE: Placed[] = [];
import type { ColumnModel } from './TimeColumn';
import { localMinutes } from './time';
import { useClinicFormat } from '../../stores/clinic-format';

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
  // Column headings follow the clinic's date format (and change with it).
  const format = useClinicFormat();
  const placedBy = useMemo(() => {
    const out = new Map<string, Placed[]>();
    for (const [key, list] of groupByColumn(appointments, timeZone))
      out.set(key, placeInLanes(list));
    return out;
  }, [appointments, timeZone]);
  return useMemo(() => {
    const today = localDateOf(now, timeZone);
    const nowMinutes = localMinutes(now, timeZone);
    const columns: ColumnModel[] = [];
    const dates = datesOf(range);
    for (const doctor of doctors) {
      for (const date of dates) {
        const placed = placedBy.get(columnKey(doctor.id, date)) ?? NONE;
        const working = spansOn(workingHours[doctor.id] ?? [], date, timeZone);
        const notBefore = date < today ? Infinity : date === today ? nowMinutes : 0;
        const slotMinutes = doctor.availability.slotMinutes;
        columns.push({
          key: columnKey(doctor.id, date),
          doctorId: doctor.id,
          doctorName: doctor.displayName,
          date,
          label: format.shortDate(date),
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
  }, [range, doctors, placedBy, workingHours, timeZone, now, withSlots, format]);
}
