// Background sync for the app: a round shortly after local changes, every
// `intervalMs` otherwise, and with exponential backoff after failures (so an
// unreachable server costs nothing). While online and idle it probes the
// server's head (`POST /v1/head`, one small request every `changeCheckMs`) and
// runs a round only when another workstation's work landed, so a message sent
// elsewhere arrives within seconds. "Online" means the last round reached the
// server. Rounds never overlap.
import { isAppError } from '../../../shared/errors';
import type { ClinicStore } from '../clinic/clinic-store';
import { storageFailure } from '../store/store-errors';
import { serverHead } from './sync-head';
import { syncRound, type SyncRoundResult } from './sync-round';

export interface SyncState {
  connected: boolean;
  online: boolean;
  running: boolean;
  lastSyncAt: string | null;
  lastError: string | null;
  clockWarning: string | null;
  conflicts: number;
  bootstrapProgress: number | null;
  /** The server refused this workstation as revoked: rounds stop, the status says so. */
  revoked: boolean;
}

export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private lastPending = 0;
  private stopped = false;
  /** An older server without `/v1/head` answers NOT_FOUND: fall back to the interval. */
  private headUnsupported = false;
  readonly state: SyncState = {
    connected: false,
    online: false,
    running: false,
    lastSyncAt: null,
    lastError: null,
    clockWarning: null,
    conflicts: 0,
    bootstrapProgress: null,
    revoked: false,
  };

  constructor(
    private readonly store: ClinicStore,
    private readonly o: {
      intervalMs?: number;
      changeCheckMs?: number;
      maxBackoffMs?: number;
      round?: typeof syncRound;
      /** The idle probe; `false` turns probing off (a round every `intervalMs` only). */
      head?: typeof serverHead | false;
    } = {},
  ) {}

  start(): void {
    this.state.connected = this.store.sync.identity() !== null;
    if (!this.state.connected) return;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Ask for a round soon (after a local change, or when the network comes back). */
  nudge(): void {
    if (this.state.connected && !this.state.running) this.schedule(500);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    // Between full rounds, wake often to notice local changes cheaply.
    const pending = this.store.outbox.pendingCount();
    const due =
      this.failures === 0 &&
      pending === this.lastPending &&
      this.state.lastSyncAt !== null &&
      !this.roundDue();
    if (due && !(await this.headMoved())) return this.schedule(this.o.changeCheckMs ?? 2000);
    if (this.stopped) return;
    await this.runRound();
  }

  /** True when the server holds items past our cursor (or the probe failed: a round says why). */
  private async headMoved(): Promise<boolean> {
    const head = this.o.head ?? serverHead;
    if (head === false || this.headUnsupported || !this.state.online) return false;
    try {
      return (await head(this.store)) > this.store.sync.cursor;
    } catch (e) {
      if (isAppError(e) && e.code === 'NOT_FOUND') {
        this.headUnsupported = true;
        return false;
      }
      // Offline, revoked or a broken answer: the round reports it and backs off as usual.
      return true;
    }
  }

  private lastRoundAt = 0;
  private roundDue(): boolean {
    return Date.now() - this.lastRoundAt >= (this.o.intervalMs ?? 30_000);
  }

  async runRound(): Promise<SyncRoundResult | null> {
    if (this.state.running) return null;
    this.state.running = true;
    this.lastRoundAt = Date.now();
    try {
      const result = await (this.o.round ?? syncRound)(this.store, {
        onProgress: (f) => (this.state.bootstrapProgress = f < 1 ? f : null),
      });
      this.failures = 0;
      Object.assign(this.state, {
        online: true,
        lastError: null,
        lastSyncAt: this.store.nowIso(),
        clockWarning: result.clockWarning,
        conflicts: result.conflicts,
        bootstrapProgress: null,
      });
      this.lastPending = this.store.outbox.pendingCount();
      this.schedule(this.o.changeCheckMs ?? 2000);
      return result;
    } catch (thrown) {
      // A full disk or a damaged store is said as such, not as a generic sync failure.
      const e = storageFailure(thrown) ?? thrown;
      this.failures++;
      this.state.online = !(isAppError(e) && e.code === 'UNAVAILABLE');
      if (isAppError(e) && e.code === 'REVOKED') {
        // Retrying cannot help: the clinic removed this workstation on the server.
        Object.assign(this.state, { revoked: true, online: false, lastError: e.message });
        return null;
      }
      this.state.lastError = isAppError(e) ? e.message : 'Sync failed; it will retry.';
      const backoff = Math.min(
        this.o.maxBackoffMs ?? 300_000,
        1000 * 2 ** Math.min(this.failures, 12),
      );
      this.schedule(backoff);
      return null;
    } finally {
      this.state.running = false;
    }
  }
}
