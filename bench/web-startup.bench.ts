// From `node bin/ehrbs-start.js --web --port 0 --data DIR` to a usable login
// screen in Chromium, for an existing clinic (issue 3, section 7):
//  - cold: the first launch on that data dir (a fresh copy of the clinic each
//    run) in a fresh browser context (empty HTTP cache);
//  - warm: later launches on the same data dir, same browser context.
// Measured in Node: spawn → launch URL printed → login form usable (the
// "Log in" heading shown and the Email field enabled). Chromium itself is
// started once beforehand (the desktop app's window would already exist).
// Run: node bin/run-ts.js bench/web-startup.bench.ts  (or npm run bench web-startup)
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { servicesFor } from '../electron/core/services/services';
import { PassphraseKeyWrapper } from '../electron/core/keys/passphrase-wrapper';
import { setUpClinic } from '../electron/core/services/clinic-setup';
import { ClinicStore } from '../electron/core/clinic/clinic-store';
import { buildRenderer, contextOptions, launchChromium } from './support/chromium-host';

const PASSPHRASE = 'web-startup bench passphrase';
const RUNS = Number(process.env['EHRBS_BENCH_RUNS'] ?? 7);
const root = resolve(import.meta.dirname, '..');

export interface WebStartupResult {
  runs: number;
  coldP50Ms: number;
  coldUrlP50Ms: number;
  warmP50Ms: number;
  warmUrlP50Ms: number;
  warmMaxMs: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};

async function seed(dir: string): Promise<void> {
  const store = await ClinicStore.create(dir, new PassphraseKeyWrapper(PASSPHRASE));
  try {
    const services = servicesFor(store);
    await setUpClinic(store, services.repos, {
      clinicName: 'Startup Bench Clinic',
      timeZone: 'Europe/London',
      currency: 'GBP',
      adminName: 'Bench Admin',
      adminEmail: 'bench@clinic.example',
      adminPassword: 'bench-password',
    });
  } finally {
    store.close();
  }
}

/** One launch: [ms to the printed URL, ms to a usable login screen]. The host is stopped after. */
async function launch(dataDir: string, context: BrowserContext): Promise<[number, number]> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/ehrbs-start.js', '--web', '--port', '0', '--data', dataDir],
    {
      cwd: root,
      env: { ...process.env, EHRBS_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  try {
    const url = await new Promise<string>((ok, fail) => {
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        log += c;
        const m = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(log);
        if (m) ok(m[0]);
      });
      child.stderr.setEncoding('utf8').on('data', (c: string) => (log += c));
      child.once('exit', (code) => fail(new Error(`host exited (${String(code)}):\n${log}`)));
    });
    const tUrl = performance.now() - t0;
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.getByLabel('Email').waitFor({ state: 'visible' });
    if (!(await page.getByLabel('Email').isEnabled())) throw new Error('login form not usable');
    const tReady = performance.now() - t0;
    await page.close();
    return [tUrl, tReady];
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  }
}

export async function run(): Promise<WebStartupResult> {
  // The host serves dist/renderer: build it from the current source first.
  await buildRenderer();
  const work = mkdtempSync(join(tmpdir(), 'ehrbs-startup-bench-'));
  const template = join(work, 'template');
  await seed(template);
  const browser = await launchChromium();
  try {
    const cold: [number, number][] = [];
    for (let i = 0; i < RUNS; i++) {
      const dir = join(work, `cold-${i}`);
      cpSync(template, dir, { recursive: true });
      const context = await browser.newContext(contextOptions);
      cold.push(await launch(dir, context));
      await context.close();
    }
    const warmDir = join(work, 'cold-0');
    const context = await browser.newContext(contextOptions);
    await launch(warmDir, context); // not counted: brings the dir and the context to steady state
    const warm: [number, number][] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await launch(warmDir, context));
    await context.close();
    return {
      runs: RUNS,
      coldP50Ms: median(cold.map((r) => r[1])),
      coldUrlP50Ms: median(cold.map((r) => r[0])),
      warmP50Ms: median(warm.map((r) => r[1])),
      warmUrlP50Ms: median(warm.map((r) => r[0])),
      warmMaxMs: Math.max(...warm.map((r) => r[1])),
    };
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export function format(r: WebStartupResult): string[] {
  const ms = (n: number) => `${Math.round(n)} ms`;
  return [
    `web host start to usable login, cold (first launch on the data dir): p50 ${ms(r.coldP50Ms)} (URL printed at ${ms(r.coldUrlP50Ms)}), ${r.runs} runs`,
    `web host start to usable login, warm: p50 ${ms(r.warmP50Ms)} (URL printed at ${ms(r.warmUrlP50Ms)}), max ${ms(r.warmMaxMs)}, ${r.runs} runs`,
  ];
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  for (const line of format(await run())) console.log(line);
}
