// Opening a conversation of 500 messages in Chromium (issue 10: "a
// conversation of 500 messages: open p95 <= 100 ms"). A demo clinic (the demo
// generator, 200 patients, its own staff messages) where Priya Shah (front
// desk) and Dr Mei Chen have one conversation of 500 messages, written through
// the services (encrypted per value, audited) and read by the doctor, served
// by the real browser host. Logged in as the doctor, each repetition goes back
// to the inbox (no conversation open), then clicks the conversation; measured
// in the page from the click event to the frame after its messages are on
// screen with the newest one last (the pane shows the latest 100 of the 500,
// as the app asks the core for). Also reported: the part after the
// messages.open response arrived (rendering) and the part before it (request,
// core: decrypting and auditing 100 messages).
// Run: node bin/run-ts.js bench/message-conversation.bench.ts  (or npm run bench message-conversation)
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

const PASSPHRASE = 'message-conversation bench passphrase';
const PATIENTS = 200;
const MESSAGES = 500;
const SHOWN = 100; // messages.open's default page, which the conversation pane asks for
const WARM_UP = 3;
const OPENS = 25;
const DOCTOR = 'dr.chen@demo.ehrbs.example';
const DESK = 'reception1@demo.ehrbs.example';

export interface ConversationBenchResult {
  messages: number;
  shown: number;
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
  'Mrs Allen called again about her results, could you ring her back this afternoon?',
  'Thanks, will do after clinic.',
  'The pharmacy asked whether the repeat prescription can be issued for three months instead of one.',
  'Yes, three months is fine.',
  'Next patient has arrived early, no rush.',
  'Lab phoned: the potassium is slightly high, they will send the full report.\nPlease check before the review on Friday.',
];

const lastBody = `Last message (${MESSAGES}): please confirm the follow-up for next week.`;

export async function run(): Promise<ConversationBenchResult> {
  let conversationId = '';
  const dir = await seedDemoClinic('ehrbs-conversation-bench-', PASSPHRASE, PATIENTS, async (w) => {
    const desk = await w.as(DESK);
    const doctor = await w.as(DOCTOR);
    w.store.transaction(() => {
      const started = w.services.messages.start(desk, {
        to: { kind: 'users', userIds: [doctor.user.id] },
        body: LINES[0] ?? '',
        patientId: null,
        urgent: false,
      });
      conversationId = started.conversationId;
      for (let i = 1; i < MESSAGES; i++)
        w.services.messages.reply(i % 2 === 0 ? desk : doctor, {
          conversationId,
          body: i === MESSAGES - 1 ? lastBody : `${LINES[i % LINES.length] ?? ''} (${i + 1})`,
          urgent: false,
        });
      w.services.messages.markRead(doctor, { conversationId });
    });
    note(`seeded a demo clinic and a conversation of ${MESSAGES} messages`);
  });
  const app = await startChromiumHost(dir, PASSPHRASE);
  try {
    await app.host.api('session.login', { email: DOCTOR, password: DEMO_PASSWORD });
    const page = await app.newPage();
    await page.addInitScript(recordApiRequests);
    await page.goto(app.host.launchUrl);
    await page.getByRole('heading', { name: 'My day', level: 1 }).waitFor();
    const link = page.locator(`a.inbox__item[href$="/${conversationId}"]`);
    const spec: PaintSpec = {
      selector: '.conversation__messages > li',
      count: SHOWN,
      lastText: lastBody,
      channel: 'messages.open',
    };
    const runs: ClickToPaint[] = [];
    for (let i = 0; i < WARM_UP + OPENS; i++) {
      await page.goto(`${app.host.origin}/#/messages`);
      await page.getByText('Choose a conversation, or start a new message.').waitFor();
      await link.waitFor();
      const measured = page.evaluate(watchClickToPaint, spec);
      await link.click();
      const r = await measured;
      if (i >= WARM_UP) runs.push(r);
    }
    return {
      messages: MESSAGES,
      shown: SHOWN,
      opens: runs.length,
      p50Ms: percentile(
        runs.map((r) => r[0]),
        50,
      ),
      p95Ms: percentile(
        runs.map((r) => r[0]),
        95,
      ),
      renderP50Ms: percentile(
        runs.map((r) => r[1]),
        50,
      ),
      renderP95Ms: percentile(
        runs.map((r) => r[1]),
        95,
      ),
      requestP50Ms: percentile(
        runs.map((r) => r[2]),
        50,
      ),
      uptime: execFileSync('uptime', { encoding: 'utf8' }).trim(),
    };
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function format(r: ConversationBenchResult): string[] {
  const f = (n: number) => n.toFixed(1);
  return [
    `open a conversation of ${r.messages} messages (latest ${r.shown} shown), click to painted: p50 ${f(r.p50Ms)} ms, p95 ${f(r.p95Ms)} ms (target p95 <= 100 ms; ${r.opens} opens)`,
    `  of which after the messages.open response: p50 ${f(r.renderP50Ms)} ms, p95 ${f(r.renderP95Ms)} ms; click to response p50 ${f(r.requestP50Ms)} ms`,
    `  uptime at the end: ${r.uptime}`,
  ];
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  for (const line of format(await run())) console.log(line);
}
