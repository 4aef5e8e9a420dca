// The Patients list: the current query, its total, and the pages fetched so far.
// The core does the searching (it has the index); we only fetch the pages the
// virtual list is showing, so 100,000 patients cost a few requests, not one huge one.
import { create } from 'zustand';
import type { PatientSummary } from '../../../shared/api/patients';
import { api, errorMessage } from '../api/client';

export const PAGE_SIZE = 100;

interface PatientsStore {
  query: string;
  /** null while the first page of a new query is on its way. */
  total: number | null;
  /** Fetched pages by page number; a new Map on every change so React sees it. */
  pages: Map<number, PatientSummary[]>;
  /** Bumped on every new query, so answers to older queries are dropped. */
  generation: number;
  activeIndex: number;
  error: string | null;
  /** False until the first search; a fresh screen then lists everyone. */
  started: boolean;
  /** A confirmation shown on that patient's details until the user moves on (e.g. the new MRN). */
  notice: { patientId: string; text: string } | null;
  search(query: string): Promise<void>;
  /** Fetches whatever pages cover rows [first, last] and are not loaded yet. */
  ensureRows(first: number, last: number): void;
  /** After a create or edit: the list may have changed, so fetch again. */
  reload(): Promise<void>;
  setActiveIndex(index: number): void;
  setNotice(notice: { patientId: string; text: string } | null): void;
  /** Forget everything (on logout), so the next user starts from a clean list. */
  reset(): void;
}

const inFlight = new Set<string>();
/** One search request at a time: while it runs, only the latest query waits for its turn. */
const searching = { busy: false, again: false };

export const usePatients = create<PatientsStore>()((set, get) => {
  async function fetchPage(page: number, generation: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const { total, items } = await api('patients.search', {
        query: get().query,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      if (get().generation !== generation) return;
      const pages = new Map(get().pages);
      pages.set(page, items);
      set({ pages, total, error: null });
    } catch (e) {
      if (get().generation === generation) set({ error: errorMessage(e) });
    } finally {
      inFlight.delete(key);
    }
  }

  return {
    query: '',
    total: null,
    pages: new Map(),
    generation: 0,
    activeIndex: 0,
    error: null,
    notice: null,
    started: false,

    async search(query) {
      const generation = get().generation + 1;
      set({
        query,
        generation,
        pages: new Map(),
        total: null,
        activeIndex: 0,
        error: null,
        started: true,
      });
      // Every keystroke searches at once (no debounce delay), but fast typing
      // never queues stale searches in the core: the answer to an older query
      // is dropped by its generation, and only the newest query is sent next.
      if (searching.busy) {
        searching.again = true;
        return;
      }
      searching.busy = true;
      try {
        await fetchPage(0, generation);
        while (searching.again) {
          searching.again = false;
          await fetchPage(0, get().generation);
        }
      } finally {
        searching.busy = false;
      }
    },

    ensureRows(first, last) {
      const { generation, pages } = get();
      const from = Math.max(0, Math.floor(first / PAGE_SIZE));
      const to = Math.floor(last / PAGE_SIZE);
      for (let page = from; page <= to; page++) {
        if (!pages.has(page)) void fetchPage(page, generation);
      }
    },

    async reload() {
      const { query, activeIndex } = get();
      await get().search(query);
      set({ activeIndex });
    },

    setActiveIndex(index) {
      set({ activeIndex: index });
    },

    setNotice(notice) {
      set({ notice });
    },

    reset() {
      set({
        query: '',
        // Bumped, not zeroed: answers still on their way must be dropped.
        generation: get().generation + 1,
        pages: new Map(),
        total: null,
        activeIndex: 0,
        error: null,
        notice: null,
        started: false,
      });
    },
  };
});

/** The row at `index`, or undefined while its page is loading. */
export const rowAt = (pages: Map<number, PatientSummary[]>, index: number) =>
  pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
