// The vitals trend in Chromium: one patient with 1,000 vitals readings (heart
// rate), seeded through the core's services into a temp store, served by the
// real browser host. Measured in the page with performance marks the trends
// panel sets: from the trend data's arrival ('ehrbs:trend-data') to the chart
// being painted ('ehrbs:trend-rendered', a task after the frame that follows
// uPlot's draw), i.e. rendering 1,000 points with the normal band. Each
// repetition opens the vitals tab afresh (from the timeline tab). Target:
// <= 50 ms. Also reported: the fetch (1,000 records decrypted and audited).
// Run: node bin/run-ts.js bench/vitals-trend.bench.ts  (or npm run bench vitals-trend)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { servicesFor } from '../electron/core/services/services';
import { PassphraseKeyWrapper } from '../electron/core/keys/passphrase-wrapper';
import { setUpClinic } from '../electron/core/services/clinic-setup';
import { ClinicStore } from '../electron/core/clinic/clinic-store';
import { startChromiumHost } from './support/chromium-host';

const PASSPHRASE = 'vitals-trend bench passphrase';
const POINTS = 1000;
const WARM_UP = 3;
const REPETITIONS = 15;
const DOCTOR = { email: 'doctor@clinic.example', password: 'bench-password' };

export interface VitalsTrendBenchResult {
  points: number;
  repetitions: number;
  renderP50Ms: number;
  renderP95Ms: number;
  renderMaxMs: number;
  fetchP50Ms: number;
}

async function seed(dataDir: string): Promise<string> {
  const store = await ClinicStore.create(dataDir, new PassphraseKeyWrapper(PASSPHRASE));
  try {
    const services = servicesFor(store);
    const { adminUserId } = await setUpClinic(store, services.repos, {
      clinicName: 'Trend Bench Clinic',
      timeZone: 'Europe/London',
      currency: 'GBP',
      adminName: 'Bench Admin',
      adminEmail: 'bench@clinic.example',
      adminPassword: 'bench-password',
    });
    const admin = services.auth.sessionFor(adminUserId);
    await services.users.createDoctor(admin, {
      ...DOCTOR,
      displayName: 'Dr Trend',
      specialty: 'General Practice',
      licenseNumber: 'L1',
      consultationFee: 5000,
      experienceYears: 5,
      availability: { slotMinutes: 20, weekly: [], breaks: [], exceptions: [] },
    });
    const doctor = await services.auth.login(DOCTOR.email, DOCTOR.password);
    const patient = services.patients.create(admin, {
      givenName: 'Trend',
      familyName: 'Patient',
      dateOfBirth: '1970-01-01',
      sex: 'unknown',
      bloodType: 'unknown',
      phone: '',
      email: '',
      address: '',
      emergencyContact: null,
      insuranceProvider: '',
      insurancePolicyNumber: '',
    });
    const start = Date.parse('2023-01-01T09:00:00.000Z');
    store.transaction(() => {
      for (let i = 0; i < POINTS; i++)
        services.records.createRecord(doctor, {
          patientId: patient.id,
          recordType: 'vitals',
          content: { heartRate: 60 + Math.round(30 * Math.sin(i / 20)) + (i % 7) },
          recordedAt: new Date(start + i * 86_400_000).toISOString(),
          sign: true,
        });
    });
    return patient.id;
  } finally {
    store.close();
  }
}

/** [data-to-paint, fetch] once the heart-rate chart is painted; no named inner functions (tsx helpers do not exist in the page). */
const trendPainted = (): [number, number] | null => {
  if (!document.querySelector('figure.trend-chart canvas')) return null;
  const data = performance.getEntriesByName('ehrbs:trend-data').at(-1)?.startTime;
  const painted = performance.getEntriesByName('ehrbs:trend-rendered').at(-1)?.startTime;
  const opened = performance.getEntriesByName('bench:open').at(-1)?.startTime;
  if (data === undefined || painted === undefined || opened === undefined) return null;
  if (painted < data) return null;
  return [painted - data, data - opened];
};

function percentile(sorted: readonly number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] ?? Number.NaN;
}

export async function run(): Promise<VitalsTrendBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ehrbs-trend-bench-'));
  const patientId = await seed(dataDir);
  const app = await startChromiumHost(dataDir, PASSPHRASE);
  const { host } = app;
  try {
    await host.api('session.login', DOCTOR);
    const page = await app.newPage();
    await page.goto(host.launchUrl);
    await page.getByRole('heading', { name: 'My day', level: 1 }).waitFor();
    const renders: number[] = [];
    const fetches: number[] = [];
    for (let i = 0; i < WARM_UP + REPETITIONS; i++) {
      await page.goto(`${host.origin}/#/chart/${patientId}/timeline`);
      await page.getByRole('region', { name: 'Timeline' }).first().waitFor();
      await page.evaluate(() => {
        performance.clearMarks();
        performance.mark('bench:open');
      });
      await page.goto(`${host.origin}/#/chart/${patientId}/vitals`);
      const [render, fetch] = await page
        .waitForFunction(trendPainted, undefined, { polling: 'raf', timeout: 60_000 })
        .then((h) => h.jsonValue() as Promise<[number, number]>);
      if (i >= WARM_UP) {
        renders.push(render);
        fetches.push(fetch);
      }
    }
    const shown = await page.locator('figure.trend-chart figcaption').first().textContent();
    if (!shown?.includes(`${POINTS} readings`)) throw new Error(`unexpected chart: ${shown ?? ''}`);
    renders.sort((a, b) => a - b);
    fetches.sort((a, b) => a - b);
    return {
      points: POINTS,
      repetitions: REPETITIONS,
      renderP50Ms: percentile(renders, 50),
      renderP95Ms: percentile(renders, 95),
      renderMaxMs: renders.at(-1) ?? Number.NaN,
      fetchP50Ms: percentile(fetches, 50),
    };
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function format(r: VitalsTrendBenchResult): string[] {
  return [
    `vitals trend ${r.points} points: render p50 ${r.renderP50Ms.toFixed(1)} ms, p95 ${r.renderP95Ms.toFixed(1)} ms, max ${r.renderMaxMs.toFixed(1)} ms (target <= 50 ms; ${r.repetitions} repetitions)`,
    `  fetching the trend (1,000 records decrypted and audited) before that: p50 ${r.fetchP50Ms.toFixed(1)} ms`,
  ];
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  for (const line of format(await run())) console.log(line);
}
