// The front desk's filters on today's list: where each patient is in their
// visit (to arrive, waiting, in with the doctor, done, no-show), which doctor,
// and how many appointments each choice would show. Cancelled visits are not
// on the list at all.
import type { AppointmentView } from '../../../../shared/api/scheduling';
import type { AppointmentStatus } from '../../../../shared/domain/enums';
import { assertNever } from '../../../../shared/errors';

export type Stage = 'to_arrive' | 'waiting' | 'with_doctor' | 'done' | 'no_show';
export type StageFilter = 'all' | Stage;

export const stages: readonly { value: Stage; label: string }[] = [
  { value: 'to_arrive', label: 'To arrive' },
  { value: 'waiting', label: 'Waiting' },
  { value: 'with_doctor', label: 'In with the doctor' },
  { value: 'done', label: 'Done' },
  { value: 'no_show', label: 'No-show' },
];

/** Where an appointment's patient is today; null for a cancelled visit. */
export function stageOf(status: AppointmentStatus): Stage | null {
  switch (status) {
    case 'scheduled':
      return 'to_arrive';
    case 'checked_in':
      return 'waiting';
    case 'in_progress':
      return 'with_doctor';
    case 'completed':
      return 'done';
    case 'no_show':
      return 'no_show';
    case 'cancelled':
      return null;
    default:
      return assertNever(status);
  }
}

export interface DayFilter {
  stage: StageFilter;
  /** A doctor's id, or 'all'. */
  doctor: string;
}

export const allOfToday: DayFilter = { stage: 'all', doctor: 'all' };

export interface DayListView {
  rows: AppointmentView[];
  /** How many of the chosen doctor's appointments are at each stage (and in all). */
  stageCounts: Record<StageFilter, number>;
  /** The doctors with appointments today, by name, with how many at the chosen stage. */
  doctors: { id: string; name: string; count: number }[];
  /** How many appointments at the chosen stage across every doctor. */
  allDoctorsCount: number;
}

const atStage = (a: AppointmentView, stage: StageFilter): boolean => {
  const s = stageOf(a.status);
  return s !== null && (stage === 'all' || s === stage);
};

export function dayListView(items: readonly AppointmentView[], filter: DayFilter): DayListView {
  const live = items.filter((a) => stageOf(a.status) !== null);
  const ofDoctor = live.filter((a) => filter.doctor === 'all' || a.doctorId === filter.doctor);
  const stageCounts: Record<StageFilter, number> = {
    all: ofDoctor.length,
    to_arrive: 0,
    waiting: 0,
    with_doctor: 0,
    done: 0,
    no_show: 0,
  };
  for (const a of ofDoctor) {
    const s = stageOf(a.status);
    if (s !== null) stageCounts[s] += 1;
  }
  const byDoctor = new Map<string, { id: string; name: string; count: number }>();
  for (const a of live) {
    const entry = byDoctor.get(a.doctorId) ?? { id: a.doctorId, name: a.doctorName, count: 0 };
    if (atStage(a, filter.stage)) entry.count += 1;
    byDoctor.set(a.doctorId, entry);
  }
  return {
    rows: ofDoctor.filter((a) => atStage(a, filter.stage)),
    stageCounts,
    doctors: [...byDoctor.values()].sort((a, b) => a.name.localeCompare(b.name)),
    allDoctorsCount: live.filter((a) => atStage(a, filter.stage)).length,
  };
}
