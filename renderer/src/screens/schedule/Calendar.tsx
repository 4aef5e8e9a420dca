// The calendar area: the time grid for a day (a column per doctor) or for one
// doctor's week (a column per day), or the compact all-doctors week.
import { useCallback, useMemo, type RefObject } from 'react';
import type { DoctorView } from '../../../../shared/api/scheduling';
import { zonedToUtc } from '../../../../shared/scheduling';
import { api, errorMessage } from '../../api/client';
import { rangeOf, useSchedule } from '../../stores/schedule-store';
import { CompactWeek } from './CompactWeek';
import { TimeGrid } from './TimeGrid';
import { datesOf, useCalendarModel } from './useCalendarModel';
import { appointmentNavKey, slotNavKey } from './grid-nav';
import { columnKey } from './layout';
import { hhmm, isoOf, localParts, shortDate } from './time';

const NO_DOCTORS: DoctorView[] = [];

interface Props {
  timeZone: string;
  /** The box the calendar scrolls in (the compact week renders only what it shows). */
  scrollRef: RefObject<HTMLElement | null>;
}

export function Calendar({ timeZone, scrollRef }: Props) {
  const view = useSchedule((s) => s.view);
  const date = useSchedule((s) => s.date);
  const doctor = useSchedule((s) => s.doctor);
  const allDoctors = useSchedule((s) => s.doctors) ?? NO_DOCTORS;
  const appointments = useSchedule((s) => s.appointments);
  const workingHours = useSchedule((s) => s.workingHours);
  const panel = useSchedule((s) => s.panel);
  const openPanel = useSchedule((s) => s.openPanel);
  const applyChange = useSchedule((s) => s.applyChange);

  const range = useMemo(() => rangeOf(view, date), [view, date]);
  const doctors = useMemo(
    () => (doctor === 'all' ? allDoctors : allDoctors.filter((d) => d.id === doctor)),
    [allDoctors, doctor],
  );
  // "Now" moves on each data load, which is often enough to hide passed slots.
  const now = useSchedule((s) => s.loadedAt);
  const openDay = useSchedule((s) => s.openDay);
  const { columns, hours } = useCalendarModel({
    range,
    doctors,
    appointments,
    workingHours,
    timeZone,
    now,
    withSlots: !(view === 'week' && doctor === 'all'),
  });
  const byKey = useMemo(() => new Map(columns.map((c) => [c.key, c])), [columns]);

  const onSlot = useCallback(
    (doctorId: string, day: string, minutes: number) =>
      openPanel({ kind: 'book', doctorId, start: zonedToUtc(day, hhmm(minutes), timeZone) }),
    [openPanel, timeZone],
  );
  const onOpen = useCallback((id: string) => openPanel({ kind: 'details', id }), [openPanel]);
  const onMove = useCallback(
    (id: string, doctorId: string, day: string, minutes: number) => {
      api('appointments.reschedule', {
        id,
        doctorId,
        scheduledAt: isoOf(day, hhmm(minutes), timeZone),
        overbookReason: null,
      })
        .then(applyChange)
        .catch((e: unknown) => useSchedule.setState({ error: errorMessage(e) }));
    },
    [applyChange, timeZone],
  );

  const selectedId = panel.kind === 'details' ? panel.id : null;
  const revealKey = useMemo(() => {
    if (panel.kind === 'details') return appointmentNavKey(panel.id);
    if (panel.kind !== 'book') return null;
    const { date: day, minutes } = localParts(panel.start, timeZone);
    return slotNavKey(columnKey(panel.doctorId, day), minutes);
  }, [panel, timeZone]);
  if (doctors.length === 0) {
    return <p className="panel panel--empty">No doctors yet. An admin adds doctors in Admin.</p>;
  }
  if (view === 'week' && doctor === 'all') {
    return (
      <CompactWeek
        doctors={doctors}
        dates={datesOf(range)}
        columns={byKey}
        selectedId={selectedId}
        onOpen={onOpen}
        onOpenDay={openDay}
        labelOf={shortDate}
        scrollRef={scrollRef}
      />
    );
  }
  return (
    <TimeGrid
      columns={columns}
      hours={hours}
      header={view === 'day' ? 'doctor' : 'date'}
      selectedId={selectedId}
      revealKey={revealKey}
      onSlot={onSlot}
      onOpen={onOpen}
      onMove={onMove}
    />
  );
}
