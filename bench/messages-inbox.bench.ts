// Messaging on a busy store: one doctor in 1,000 conversations holding
// 100,000 messages (from four colleagues and a front-desk shared inbox), all
// written through the services (encrypted, insert-only, with read marks).
// Measured through the services, as dispatch runs them:
//  (a) the inbox's first page (30 conversations, last lines decrypted)  (target: p95 <= 100 ms);
//  (b) the unread totals behind the navigation badge  (polled every 5 s);
//  (c) opening a conversation's latest 100 messages (decrypted, audited)  (target: p95 <= 100 ms);
//  (d) a search for a word in no message (so every message is read): cold, in a new session that
//      decrypts them all, and warm, from that session's in-memory cache.
// Run: node bin/run-ts.js bench/messages-inbox.bench.ts  (or npm run bench messages-inbox);
// BENCH_SCALE=0.1 for a quick run (10,000 messages).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { servicesFor } from '../electron/core/services/services';
import { PassphraseKeyWrapper } from '../electron/core/keys/passphrase-wrapper';
import { setUpClinic } from '../electron/core/services/clinic-setup';
import { ClinicStore } from '../electron/core/clinic/clinic-store';
import type { Session } from '../electron/core/services/session';
import { note, percentile, scaled } from './support/stats';

const CONVERSATIONS = 1000;
const REPETITIONS = 60;

export interface MessagesInboxBenchResult {
  messages: number;
  conversations: number;
  seedSeconds: number;
  inboxP50Ms: number;
  inboxP95Ms: number;
  unreadP50Ms: number;
  unreadP95Ms: number;
  openP50Ms: number;
  openP95Ms: number;
  searchColdMs: number[];
  searchWarmP50Ms: number;
  searchWarmP95Ms: number;
  searchScanned: number;
}

const measure = (fn: () => void): { p50: number; p95: number } => {
  for (let i = 0; i < 5; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
};

export async function run(): Promise<MessagesInboxBenchResult> {
  const messages = scaled(100_000, 1000);
  const perConversation = Math.max(1, Math.round(messages / CONVERSATIONS));
  const dir = mkdtempSync(join(tmpdir(), 'ehrbs-bench-messages-'));
  const store = await ClinicStore.create(
    dir,
    new PassphraseKeyWrapper('messages bench', { N: 2 ** 10, r: 8, p: 1 }),
  );
  try {
    const services = servicesFor(store);
    const { adminUserId } = await setUpClinic(store, services.repos, {
      clinicName: 'Messages Bench Clinic',
      timeZone: 'Europe/London',
      currency: 'GBP',
      adminName: 'Bench Admin',
      adminEmail: 'bench@clinic.example',
      adminPassword: 'bench-password',
    });
    const admin = services.auth.sessionFor(adminUserId);
    const doctorMember = await services.users.createDoctor(admin, {
      email: 'doctor@clinic.example',
      displayName: 'Dr Bench',
      password: 'bench-password',
      specialty: 'General Practice',
      licenseNumber: 'L1',
      consultationFee: 5000,
      experienceYears: 5,
    });
    const doctor = services.auth.sessionFor(doctorMember.id);
    const colleagues: Session[] = [];
    for (let i = 0; i < 4; i++) {
      const u = await services.users.createStaff(admin, {
        email: `desk${i}@clinic.example`,
        displayName: `Desk ${i}`,
        role: 'front_desk',
        password: 'bench-password',
      });
      colleagues.push(services.auth.sessionFor(u.id));
    }

    const t0 = performance.now();
    let written = 0;
    for (let c = 0; c < CONVERSATIONS; c++) {
      const from = colleagues[c % colleagues.length] as Session;
      store.transaction(() => {
        // Every tenth conversation goes to the doctors' shared inbox, the rest to this doctor.
        const { conversationId } = services.messages.start(from, {
          to:
            c % 10 === 0
              ? { kind: 'role', role: 'doctor' }
              : { kind: 'users', userIds: [doctor.user.id] },
          body: `Conversation ${c}: please call the patient back about their results.`,
          urgent: c % 97 === 0,
        });
        written++;
        for (let m = 1; m < perConversation; m++, written++) {
          const sender = m % 2 === 0 ? from : doctor;
          services.messages.reply(sender, {
            conversationId,
            body: `Message ${m} in conversation ${c}.\nA second line that the inbox does not show.`,
            urgent: false,
          });
        }
        // Most conversations read; the last hundred still unread.
        if (c < CONVERSATIONS - 100) services.messages.markRead(doctor, { conversationId });
      });
      if (c % 100 === 99) note(`  seeded ${written} messages`);
    }
    const seedSeconds = (performance.now() - t0) / 1000;

    const inbox = measure(() =>
      services.messages.inbox(doctor, { before: null, limit: 30, archived: false }),
    );
    const unread = measure(() => services.messages.unread(doctor, {}));
    const first = services.messages.inbox(doctor, { before: null, limit: 30, archived: false })
      .items[0];
    const open = measure(() =>
      services.messages.open(doctor, { conversationId: first?.id ?? '', before: null, limit: 100 }),
    );
    // Cold: a new session (its own empty cache) each time; warm: the same session again.
    const miss = { query: 'no-such-word-anywhere' };
    const searchColdMs: number[] = [];
    let warmSession = doctor;
    for (let i = 0; i < 3; i++) {
      warmSession = services.auth.sessionFor(doctor.user.id);
      const t = performance.now();
      services.messages.search(warmSession, miss);
      searchColdMs.push(performance.now() - t);
    }
    const warm: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      services.messages.search(warmSession, miss);
      warm.push(performance.now() - t);
    }
    const lastAudit = (
      store.read
        .prepare(
          "SELECT detail FROM audit_logs WHERE detail LIKE 'search:%' ORDER BY rowid DESC LIMIT 1",
        )
        .get() as { detail: string } | undefined
    )?.detail;
    return {
      searchColdMs,
      searchWarmP50Ms: percentile(warm, 50),
      searchWarmP95Ms: percentile(warm, 95),
      searchScanned: Number(/search: (\d+)/.exec(lastAudit ?? '')?.[1] ?? 0),
      messages: written,
      conversations: CONVERSATIONS,
      seedSeconds,
      inboxP50Ms: inbox.p50,
      inboxP95Ms: inbox.p95,
      unreadP50Ms: unread.p50,
      unreadP95Ms: unread.p95,
      openP50Ms: open.p50,
      openP95Ms: open.p95,
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function format(r: MessagesInboxBenchResult): string[] {
  const n = new Intl.NumberFormat('en-US').format(r.messages);
  return [
    `${n} messages in ${r.conversations} conversations (seeded through the services in ${r.seedSeconds.toFixed(0)} s)`,
    `  inbox first page (30): p50 ${r.inboxP50Ms.toFixed(1)} ms, p95 ${r.inboxP95Ms.toFixed(1)} ms (target <= 100 ms)`,
    `  unread totals (badge): p50 ${r.unreadP50Ms.toFixed(1)} ms, p95 ${r.unreadP95Ms.toFixed(1)} ms`,
    `  open conversation (latest 100): p50 ${r.openP50Ms.toFixed(1)} ms, p95 ${r.openP95Ms.toFixed(1)} ms (target <= 100 ms)`,
    `  search reading all ${new Intl.NumberFormat('en-US').format(r.searchScanned)} messages: cold (new session) ${r.searchColdMs.map((x) => x.toFixed(0)).join(' / ')} ms; warm (cached) p50 ${r.searchWarmP50Ms.toFixed(0)} ms, p95 ${r.searchWarmP95Ms.toFixed(0)} ms`,
  ];
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  for (const line of format(await run())) console.log(line);
}
