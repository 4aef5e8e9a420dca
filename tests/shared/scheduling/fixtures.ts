// Builders for the scheduling tests: readable appointments and availability.
import type { Availability } from '../../../shared/domain/availability';
import type { AppointmentStatus } from '../../../shared/domain/enums';
import type { OwnedAppointment } from '../../../shared/scheduling';

export const NY = 'America/New_York';
export const LONDON = 'Europe/London';

export const iso = (ms: number): string => new Date(ms).toISOString();
export const utc = (s: string): number => Date.parse(s);

let counter = 0;
/** A v4-shaped id whose text sorts by creation order (handy for reading failures). */
export const nextId = (): string => {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`;
};

export interface ApptSpec {
  id?: string;
  doctorId?: string;
  patientId?: string;
  at: string;
  minutes?: number;
  status?: AppointmentStatus;
  deleted?: boolean;
}

export const appt = (s: ApptSpec): OwnedAppointment => ({
  id: s.id ?? nextId(),
  doctorId: s.doctorId ?? 'doctor-a',
  patientId: s.patientId ?? nextId(),
  scheduledAt: s.at,
  durationMinutes: s.minutes ?? 15,
  status: s.status ?? 'scheduled',
  deletedAt: s.deleted ? '2026-01-01T00:00:00.000Z' : null,
});

/** Monday-Friday 09:00-17:00 with a 12:00-13:00 lunch break. */
export const weekdays = (slotMinutes = 30): Availability => ({
  slotMinutes,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  breaks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '12:00', end: '13:00' })),
  exceptions: [],
});

/** Sunday-only hours, for the daylight-saving Sundays. */
export const sundays = (start: string, end: string, slotMinutes = 60): Availability => ({
  slotMinutes,
  weekly: [{ weekday: 7, start, end }],
  breaks: [],
  exceptions: [],
});
