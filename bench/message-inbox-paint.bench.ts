// The inbox of a busy user in Chromium (issue 10: "Inbox of a user with
// 10,000 messages in 1,000 conversations: open to first paint p95 <= 100
// ms"). A demo clinic (the demo generator, 200 patients, its own staff
// messages) where Dr Mei Chen has 1,000 more conversations with the front
// desk of 10 messages each (10,000 messages, written through the services:
// encrypted per value, audited), every one about a demo patient and some
// unread. Logged in as the doctor, each repetition opens Patients, then clicks
// Messages in the navigation; measured in the page from the click event to the
// frame after the inbox's first page (30 conversations, newest activity first)
// is on screen with the newest conversation on top. Also reported: the part
// after the messages.inbox response arrived (rendering) and the part before it
// (request and core: the page of summaries, which decrypts only the 30 last
// lines shown).
// Run: node bin/run-ts.js bench/message-inbox-paint.bench.ts  (or npm run bench message-inbox-paint)
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { startChromiumHost } from './support/chromium-host';
import {
  recordApiRequests,
  watchClickToPaint,
  type ClickToPaint,
  type PaintSpec,
} from './support/click-to-paint';
import { DEMO_PASSWORD, seedDemoClinic } from './support/demo-store';
import { note, percentile } from './support/stats';

const PASSPHRASE = 'message-inbox bench passphrase';
const PATIENTS = 200;
const CONVERSATIONS = 1_000;
const PER_CONVERSATION = 10;
// The first page the Messages screen asks for (INBOX_PAGE in renderer/src/screens/messages/useInbox.ts).
const PAGE = 30;
const WARM_UP = 3;
const OPENS = 25;
const DOCTOR = 'dr.chen@demo.ehrbs.example';
const DESK = 'reception1@demo.ehrbs.example';

export interface InboxBenchResult {
  conversations: number;
  messages: number;
  opens: number;
  p50Ms: number;
  p95Ms: number;
  renderP50Ms: number;
  renderP95Ms: number;
  requestP50Ms: number;
  uptime: string;
}

const LINES = [
  'Patient in room 2 is ready for you.',
  'Could you ring her back about the results this afternoon?',
  'Thanks, will do after clinic.',
  'The pharmacy asked about the repeat prescription.',
  'Next patient has arrived early, no rush.',
];

const newest = 'Newest conversation: please see the walk-in in room 4.';

export async function run(): Promise<InboxBenchResult> {
  const dir = await seedDemoClinic('ehrbs-inbox-bench-', PASSPHRASE, PATIENTS, async (w) => {
    const desk = await w.as(DESK);
    const doctor = await w.as(DOCTOR);
    const patients = w.services.repos.patients.list(w.store.tenantId ?? '', { limit: PATIENTS });
    for (let c = 0; c < CONVERSATIONS; c++) {
      w.store.transaction(() => {
        const last = c === CONVERSATIONS - 1;
        const { conversationId } = w.services.messages.start(desk, {
          to: { kind: 'users', userIds: [doctor.user.id] },
          body: `${LINES[c % LINES.length] ?? ''} (${c})`,
          patientId: patients[c % patients.length]?.id ?? null,
          urgent: false,
        });
        for (let i = 1; i < PER_CONVERSATION; i++)
          w.services.messages.reply(i % 2 === 0 ? desk : doctor, {
            conversationId,
            body:
              last && i === PER_CONVERSATION - 1
                ? newest
                : `${LINES[(c + i) % LINES.length] ?? ''} (${c}.${i})`,
            urgent: false,
          });
        // Most are read; one in ten is left unread for the doctor.
        if (c % 10 !== 0) w.services.messages.markRead(doctor, { conversationId });
      });
    }
    note(
      `seeded a demo clinic and ${CONVERSATIONS} conversations of ${PER_CONVERSATION} messages for the doctor`,
    );
  });
  const app = await startChromiumHost(dir, PASSPHRASE);
  try {
    await app.host.api('session.login', { email: DOCTOR, password: DEMO_PASSWORD });
    const page = await app.newPage();
    await page.addInitScript(recordApiRequests);
    await page.goto(app.host.launchUrl);
    await page.getByRole('heading', { name: 'My day', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const spec: PaintSpec = {
      selector: 'ul.inbox > li',
      count: PAGE,
      alsoSelector: 'ul.inbox > li',
      alsoText: newest.split(':')[0] ?? newest,
      channel: 'messages.inbox',
    };
    const runs: ClickToPaint[] = [];
    for (let i = 0; i < WARM_UP + OPENS; i++) {
      await nav.getByRole('link', { name: 'Patients' }).click();
      await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
      const measured = page.evaluate(watchClickToPaint, spec);
      await nav.getByRole('link', { name: /^Messages/ }).click();
      const r = await measured;
      if (i >= WARM_UP) runs.push(r);
    }
    const at = (k: 0 | 1 | 2, p: number) =>
      percentile(
        runs.map((r) => r[k]),
        p,
      );
    return {
      conversations: CONVERSATIONS,
      messages: CONVERSATIONS * PER_CONVERSATION,
      opens: runs.length,
      p50Ms: at(0, 50),
      p95Ms: at(0, 95),
      renderP50Ms: at(1, 50),
      renderP95Ms: at(1, 95),
      requestP50Ms: at(2, 50),
      uptime: execFileSync('uptime', { encoding: 'utf8' }).trim(),
    };
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function format(r: InboxBenchResult): string[] {
  const f = (n: number) => n.toFixed(1);
  const n = (v: number) => new Intl.NumberFormat('en-US').format(v);
  return [
    `open the inbox (${n(r.conversations)} conversations, ${n(r.messages)} messages), click to first page painted: p50 ${f(r.p50Ms)} ms, p95 ${f(r.p95Ms)} ms (target p95 <= 100 ms; ${r.opens} opens)`,
    `  of which after the messages.inbox response: p50 ${f(r.renderP50Ms)} ms, p95 ${f(r.renderP95Ms)} ms; click to response p50 ${f(r.requestP50Ms)} ms`,
    `  uptime at the end: ${r.uptime}`,
  ];
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  for (const line of format(await run())) console.log(line);
}
