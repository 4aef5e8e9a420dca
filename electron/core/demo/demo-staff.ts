// The demo clinic's staff: an admin, two front-desk receptionists and seven
// doctors with different specialties, fees, session patterns and slot lengths.
import type { Availability, WeeklySession } from '../../../shared/domain/availability';
import type { IsoWeekday } from '../../../shared/domain/availability';
import type { Role } from '../../../shared/domain/enums';

/** One password for every demo login, printed by `ehrbs demo` and shown by the app. */
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_DOMAIN = 'demo.ehrbs.example';

export interface DemoStaff {
  email: string;
  displayName: string;
  role: Role;
}

export interface DemoDoctor extends DemoStaff {
  specialty: string;
  /** In pence (the demo clinic bills in GBP). */
  consultationFee: number;
  experienceYears: number;
  availability: Availability;
}

const email = (local: string) => `${local}@${DEMO_DOMAIN}`;

/** Weekday sessions with a lunch break, e.g. Mon-Fri 09:00-17:30, lunch 12:30-13:30. */
function weekdays(
  days: readonly IsoWeekday[],
  hours: { start: string; end: string },
  lunch: { start: string; end: string } | null,
  slotMinutes: number,
  extra: WeeklySession[] = [],
): Availability {
  return {
    slotMinutes,
    weekly: [...days.map((weekday) => ({ weekday, ...hours })), ...extra],
    breaks: lunch ? days.map((weekday) => ({ weekday, ...lunch })) : [],
    exceptions: [],
  };
}

const MON_FRI: IsoWeekday[] = [1, 2, 3, 4, 5];
const DAY = { start: '09:00', end: '17:30' };
const LUNCH = { start: '12:30', end: '13:30' };

export const DEMO_ADMIN: DemoStaff = {
  email: email('admin'),
  displayName: 'Alex Morgan',
  role: 'admin',
};

export const DEMO_FRONT_DESK: DemoStaff[] = [
  { email: email('reception1'), displayName: 'Priya Shah', role: 'front_desk' },
  { email: email('reception2'), displayName: 'Tom Hughes', role: 'front_desk' },
];

const doctor = (
  local: string,
  displayName: string,
  specialty: string,
  consultationFee: number,
  experienceYears: number,
  availability: Availability,
): DemoDoctor => ({
  email: email(local),
  displayName,
  role: 'doctor',
  specialty,
  consultationFee,
  experienceYears,
  availability,
});

export const DEMO_DOCTORS: DemoDoctor[] = [
  doctor(
    'dr.okafor',
    'Dr Ngozi Okafor',
    'General Practice',
    6500,
    14,
    weekdays(MON_FRI, DAY, LUNCH, 15),
  ),
  doctor(
    'dr.bennett',
    'Dr James Bennett',
    'General Practice',
    6500,
    6,
    weekdays([1, 2, 3, 4], { start: '08:00', end: '16:00' }, { start: '12:00', end: '12:45' }, 15, [
      { weekday: 6, start: '09:00', end: '12:00' },
    ]),
  ),
  doctor('dr.chen', 'Dr Mei Chen', 'Paediatrics', 9500, 11, weekdays(MON_FRI, DAY, LUNCH, 20)),
  doctor(
    'dr.kaur',
    'Dr Harpreet Kaur',
    'Cardiology',
    18000,
    22,
    weekdays([1, 3, 5], DAY, LUNCH, 30),
  ),
  doctor(
    'dr.lewis',
    'Dr Rhys Lewis',
    'Dermatology',
    14000,
    9,
    weekdays([2, 4], { start: '10:00', end: '18:00' }, { start: '13:00', end: '14:00' }, 20),
  ),
  doctor(
    'dr.novak',
    'Dr Anna Novak',
    'Obstetrics and Gynaecology',
    16000,
    17,
    weekdays([1, 2, 4, 5], DAY, LUNCH, 30),
  ),
  doctor(
    'dr.adeyemi',
    'Dr Tunde Adeyemi',
    'Orthopaedics',
    17500,
    25,
    weekdays([2, 3, 5], { start: '08:30', end: '16:30' }, { start: '12:30', end: '13:00' }, 30),
  ),
];
