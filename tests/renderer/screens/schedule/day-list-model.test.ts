// Today's list filters: each status lands at one stage (cancelled on none), the
// counts follow the doctor chosen, and the doctor list counts the stage chosen.
import { describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import type { AppointmentStatus } from '../../../../shared/domain/enums';
import { dayListView, stageOf } from '../../../../renderer/src/screens/schedule/day-list-model';

let n = 0;
function appt(doctor: 'a' | 'b', status: AppointmentStatus): AppointmentView {
  n += 1;
  return {
    id: `appt-${n}`,
    doctorId: `doc-${doctor}`,
    doctorName: doctor === 'a' ? 'Dr Ada' : 'Dr Bea',
    status,
  } as AppointmentView;
}

const day = [
  appt('a', 'scheduled'),
  appt('a', 'scheduled'),
  appt('a', 'checked_in'),
  appt('b', 'in_progress'),
  appt('b', 'completed'),
  appt('b', 'no_show'),
  appt('b', 'cancelled'),
];

describe("today's list filters", () => {
  it('puts each status at its stage and leaves cancelled visits out', () => {
    expect(stageOf('scheduled')).toBe('to_arrive');
    expect(stageOf('checked_in')).toBe('waiting');
    expect(stageOf('in_progress')).toBe('with_doctor');
    expect(stageOf('completed')).toBe('done');
    expect(stageOf('no_show')).toBe('no_show');
    expect(stageOf('cancelled')).toBeNull();
    expect(dayListView(day, { stage: 'all', doctor: 'all' }).rows).toHaveLength(6);
  });

  it('counts every stage for all doctors', () => {
    const view = dayListView(day, { stage: 'all', doctor: 'all' });
    expect(view.stageCounts).toEqual({
      all: 6,
      to_arrive: 2,
      waiting: 1,
      with_doctor: 1,
      done: 1,
      no_show: 1,
    });
    expect(view.doctors).toEqual([
      { id: 'doc-a', name: 'Dr Ada', count: 3 },
      { id: 'doc-b', name: 'Dr Bea', count: 3 },
    ]);
    expect(view.allDoctorsCount).toBe(6);
  });

  it("shows one stage: the rows, and each doctor's count at that stage", () => {
    const view = dayListView(day, { stage: 'to_arrive', doctor: 'all' });
    expect(view.rows.map((a) => a.status)).toEqual(['scheduled', 'scheduled']);
    expect(view.doctors.map((d) => d.count)).toEqual([2, 0]);
    expect(view.allDoctorsCount).toBe(2);
  });

  it("shows one doctor: the stage counts are that doctor's", () => {
    const view = dayListView(day, { stage: 'all', doctor: 'doc-b' });
    expect(view.rows.every((a) => a.doctorId === 'doc-b')).toBe(true);
    expect(view.stageCounts).toEqual({
      all: 3,
      to_arrive: 0,
      waiting: 0,
      with_doctor: 1,
      done: 1,
      no_show: 1,
    });
    expect(dayListView(day, { stage: 'to_arrive', doctor: 'doc-b' }).rows).toEqual([]);
  });
});
