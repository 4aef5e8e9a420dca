// The Schedule screen's state: which days and doctors are shown, what the core
// returned for them, and which side panel is open. The core owns the truth;
// after every change the shown range is fetched again so other workstations'
// bookings (arriving by sync) appear too.
//
// Data is fetched a whole ISO week at a time and the last few weeks are kept
// (schedule-cache.ts): switching Day and Week, or moving between the days of
// a week, is served from memory with no round trip. An entry older than
// FRESH_MS is shown at once and fetched again behind it; a change made here
// drops the cache.
import { create } from 'zustand';
import type { AppointmentView, DoctorView } from '../../../shared/api/scheduling';
import {
  addDaysToDate,
  isoWeekdayOf,
  localDateOf,
  type Interval,
} from '../../../shared/scheduling';
import { api, errorMessage } from '../api/client';
import { cachedWeek, remember, type CachedWeek } from './schedule-cache';

/** How long a cached week is shown without asking the core again. */
const FRESH_MS = 30_000;

export type CalendarView = 'day' | 'week';
export type ScheduleTab = 'calendar' | 'today' | 'queue';
/** A doctor's id, or every doctor side by side. */
export type DoctorChoice = string | 'all';

export type SchedulePanel =
  | { kind: 'none' }
  | { kind: 'book'; doctorId: string; start: number }
  | { kind: 'details'; id: string }
  | { kind: 'hours'; doctorId: string };

export interface DateRange {
  fromDate: string;
  toDate: string;
}

/** The dates a view shows: one day, or the ISO week (Monday to Sunday) holding the date. */
export function rangeOf(view: CalendarView, date: string): DateRange {
  if (view === 'day') return { fromDate: date, toDate: date };
  const monday = addDaysToDate(date, 1 - isoWeekdayOf(date));
  return { fromDate: monday, toDate: addDaysToDate(monday, 6) };
}

interface ScheduleStore {
  tab: ScheduleTab;
  view: CalendarView;
  /** Any local date (clinic time zone) inside the shown range. */
  date: string;
  /** The clinic's date today, in its own time zone (never the browser's). */
  today: string;
  doctor: DoctorChoice;
  doctors: DoctorView[] | null;
  appointments: AppointmentView[];
  workingHours: Record<string, Interval[]>;
  /** The range the data above belongs to, or null before the first answer. */
  loaded: (DateRange & { doctor: DoctorChoice }) | null;
  /** When the data above arrived (epoch ms): slots before it are not offered. */
  loadedAt: number;
  loading: boolean;
  error: string | null;
  panel: SchedulePanel;
  /** Bumped on every fetch so answers to older ones are dropped. */
  generation: number;
  /** The last weeks fetched, newest first. */
  cache: readonly CachedWeek[];
  start(timeZone: string): Promise<void>;
  /** Back to a fresh screen (the next user must not find this one's date, doctor or panel). */
  reset(): void;
  load(): Promise<void>;
  /** Forgets every cached week and fetches the shown one. */
  refresh(): Promise<void>;
  reloadDoctors(): Promise<void>;
  setTab(tab: ScheduleTab): void;
  setView(view: CalendarView): void;
  setDate(date: string): void;
  setDoctor(doctor: DoctorChoice): void;
  /** The day view of one date (from a week's column heading). */
  openDay(date: string): void;
  openPanel(panel: SchedulePanel): void;
  /** Puts a changed appointment in place at once, then fetches the range again. */
  applyChange(appointment: AppointmentView): void;
}

/** A fresh Schedule screen: today, every doctor, the calendar, no panel, nothing loaded. */
const freshSchedule = {
  tab: 'calendar',
  view: 'day',
  date: '',
  today: '',
  doctor: 'all',
  doctors: null,
  appointments: [],
  workingHours: {},
  loaded: null,
  loadedAt: 0,
  loading: false,
  error: null,
  panel: { kind: 'none' },
  cache: [],
} satisfies Partial<ScheduleStore>;

export const useSchedule = create<ScheduleStore>()((set, get) => ({
  ...freshSchedule,
  generation: 0,

  reset() {
    // The generation moves on, so an answer still on its way for the last user is dropped.
    set((s) => ({ ...freshSchedule, generation: s.generation + 1 }));
  },

  async start(timeZone) {
    const today = localDateOf(Date.now(), timeZone);
    set({ today, date: get().date || today });
    await get().reloadDoctors();
    await get().load();
  },

  async reloadDoctors() {
    try {
      set({ doctors: await api('doctors.list', {}) });
    } catch (e) {
      set({ error: errorMessage(e) });
    }
  },

  async load() {
    const { date, doctor } = get();
    if (!date) return;
    const generation = get().generation + 1;
    // The whole week, whichever view: its days and both views share one fetch.
    const range = rangeOf('week', date);
    const hit = cachedWeek(get().cache, range, doctor);
    if (hit) {
      performance.mark('ehrbs:schedule-data');
      set({
        generation,
        appointments: hit.appointments,
        workingHours: hit.workingHours,
        loaded: { ...range, doctor: hit.doctor },
        loadedAt: hit.fetchedAt,
        error: null,
      });
      if (Date.now() - hit.fetchedAt < FRESH_MS) return;
    }
    set({ generation, loading: true });
    try {
      const result = await api('schedule.range', {
        ...range,
        ...(doctor === 'all' ? {} : { doctorIds: [doctor] }),
      });
      if (get().generation !== generation) return;
      performance.mark('ehrbs:schedule-data');
      const fetchedAt = Date.now();
      const entry: CachedWeek = { ...range, doctor, ...result, fetchedAt };
      set((s) => ({
        appointments: result.appointments,
        workingHours: result.workingHours,
        loaded: { ...range, doctor },
        loadedAt: fetchedAt,
        loading: false,
        error: null,
        cache: remember(s.cache, entry),
      }));
    } catch (e) {
      if (get().generation === generation) set({ loading: false, error: errorMessage(e) });
    }
  },

  async refresh() {
    set({ cache: [] });
    await get().load();
  },

  setTab(tab) {
    set({ tab, panel: { kind: 'none' } });
  },

  setView(view) {
    // The start of a view switch, for the week-view benchmark (bench/week-view.bench.ts).
    performance.mark('ehrbs:view-switch');
    set({ view });
    void get().load();
  },

  setDate(date) {
    set({ date });
    void get().load();
  },

  setDoctor(doctor) {
    set({ doctor });
    void get().load();
  },

  openDay(date) {
    set({ view: 'day', date });
    void get().load();
  },

  openPanel(panel) {
    set({ panel });
  },

  applyChange(appointment) {
    const others = get().appointments.filter((a) => a.id !== appointment.id);
    // Every cached week may hold it (or its old slot): all are fetched afresh.
    set({ appointments: [...others, appointment], cache: [] });
    void get().load();
  },
}));
