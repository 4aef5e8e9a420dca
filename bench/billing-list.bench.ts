// Billing at clinic scale. Targets (issue 11): the filtered invoice list on a
// clinic with 200,000 invoices p95 <= 50 ms; the daily close over 2,000
// payments <= 200 ms; a receipt PDF <= 300 ms.
// Run: node bin/run-ts.js bench/billing-list.bench.ts
// The 200,000 invoices (and their payments) are inserted raw in one
// transaction to keep seeding short; everything measured goes through the
// services, as the app calls them.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ClinicStore } from '../electron/core/clinic/clinic-store';
import { writableDb } from '../electron/core/clinic/writable-db';
import { PassphraseKeyWrapper } from '../electron/core/keys/passphrase-wrapper';
import { setUpClinic } from '../electron/core/services/clinic-setup';
import { servicesFor } from '../electron/core/services/services';
import type { ApiRequest } from '../shared/api/channels';

const INVOICES = 200_000;
const CLOSE_PAYMENTS = 2_000;
const REPS = 20;
const DAY = 86_400_000;

export interface BillingBenchResult {
  invoices: number;
  listP50Ms: number;
  listP95Ms: number;
  listUnfilteredP95Ms: number;
  /** p95 of each filtered request, in the order of `filtered`. */
  perFilterP95Ms: { name: string; p95: number }[];
  closeMs: number;
  closePreviewP95Ms: number;
  pdfP95Ms: number;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

function rand(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function run(): Promise<BillingBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ehrbs-bench-billing-'));
  const wrapper = new PassphraseKeyWrapper('bench passphrase', { N: 2 ** 10, r: 8, p: 1 });
  const store = await ClinicStore.create(dir, wrapper);
  try {
    const services = servicesFor(store);
    const { tenantId } = await setUpClinic(store, services.repos, {
      clinicName: 'Bench Clinic',
      timeZone: 'Europe/London',
      currency: 'GBP',
      adminName: 'Ada Admin',
      adminEmail: 'admin@bench.example',
      adminPassword: 'bench-password-1',
    });
    const admin = await services.auth.login('admin@bench.example', 'bench-password-1');
    await services.users.createStaff(admin, {
      email: 'desk@bench.example',
      displayName: 'Desk',
      role: 'front_desk',
      password: 'bench-password-1',
    });
    const desk = await services.auth.login('desk@bench.example', 'bench-password-1');
    const doctors: string[] = [];
    for (let i = 0; i < 3; i++) {
      const m = await services.users.createDoctor(admin, {
        email: `doc${i}@bench.example`,
        displayName: `Dr ${i}`,
        password: 'bench-password-1',
        specialty: 'General',
        licenseNumber: `L-${i}`,
        consultationFee: 8000,
        experienceYears: 5,
      });
      doctors.push(m.doctor?.id ?? '');
    }
    const patients: string[] = [];
    store.transaction(() => {
      for (let i = 0; i < 500; i++)
        patients.push(
          services.patients.create(desk, {
            givenName: `P${i}`,
            familyName: `Bench${i}`,
            dateOfBirth: '1980-01-01',
            sex: 'unknown',
            bloodType: 'unknown',
            phone: '',
            email: '',
            address: '',
            emergencyContact: null,
            insuranceProvider: '',
            insurancePolicyNumber: '',
          }).id,
        );
    });

    // 200,000 invoices over two years, 60 % with a payment, a few refunds.
    const db = writableDb(store);
    const r = rand(11);
    const start = Date.parse('2025-01-01T09:00:00.000Z');
    const insBill = db.prepare(
      `INSERT INTO billing (id, tenantId, createdAt, updatedAt, deletedAt, patientId, appointmentId, doctorId, amount, currency,
         paymentMethod, invoiceNumber, issuedAt, voidedAt, voidReason, _hlc)
       VALUES (?, ?, ?, ?, NULL, ?, NULL, ?, ?, 'GBP', 'card', ?, ?, NULL, NULL, '0')`,
    );
    const insPay = db.prepare(
      `INSERT INTO payments (id, tenantId, createdAt, updatedAt, deletedAt, billingId, amount, method, receivedAt, reference,
         tenderedAmount, changeGiven, receivedBy, deviceId, _hlc)
       VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, '', NULL, NULL, ?, ?, '0')`,
    );
    const methods = ['cash', 'card', 'insurance', 'bank_transfer'];
    let sample = '';
    store.transaction(() => {
      for (let i = 0; i < INVOICES; i++) {
        const at = new Date(start + Math.floor((i / INVOICES) * 730 * DAY)).toISOString();
        const id = randomUUID();
        const amount = 2000 + Math.floor(r() * 20000);
        insBill.run(
          id,
          tenantId,
          at,
          at,
          patients[i % patients.length],
          doctors[i % doctors.length],
          amount,
          `INV-BNCH-${String(i + 1).padStart(6, '0')}`,
          at,
        );
        const roll = r();
        if (roll < 0.6)
          insPay.run(
            randomUUID(),
            tenantId,
            at,
            at,
            id,
            roll < 0.4 ? amount : Math.floor(amount / 2),
            methods[i % 4],
            at,
            admin.user.id,
            randomUUID(),
          );
        if (i === 0) sample = id;
      }
    });
    db.pragma('optimize');

    const filtered: ApiRequest<'billing.list'>[] = [
      { status: 'partially_paid', from: '2026-06-01', to: '2026-06-30', limit: 50 },
      { doctorId: doctors[1] ?? '', from: '2026-03-01', to: '2026-03-31', limit: 50 },
      { method: 'card', from: '2026-11-01', to: '2026-11-30', limit: 50 },
      { patientId: patients[7] ?? '', limit: 50 },
      { from: '2026-12-01', to: '2026-12-07', limit: 50 },
    ];
    const names = ['status+month', 'doctor+month', 'method+month', 'patient', 'week'];
    const perRequest: number[][] = filtered.map(() => []);
    const timeList = (reqs: ApiRequest<'billing.list'>[]) => {
      const times: number[] = [];
      for (const req of reqs) services.billing.list(desk, { limit: 50, ...req });
      for (let k = 0; k < REPS; k++)
        reqs.forEach((req, i) => {
          const t0 = performance.now();
          services.billing.list(desk, { limit: 50, ...req });
          const ms = performance.now() - t0;
          times.push(ms);
          if (reqs === filtered) perRequest[i]?.push(ms);
        });
      return times;
    };
    const listTimes = timeList(filtered);
    const perFilterP95Ms = names.map((name, i) => ({
      name,
      p95: percentile(perRequest[i] ?? [], 95),
    }));
    const unfiltered = timeList([{ limit: 50 }]);

    // The close: 2,000 payments by the desk on this workstation since its last close.
    const payDesk = db.prepare(
      `INSERT INTO payments (id, tenantId, createdAt, updatedAt, deletedAt, billingId, amount, method, receivedAt, reference,
         tenderedAmount, changeGiven, receivedBy, deviceId, _hlc)
       VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, '', NULL, NULL, ?, ?, '0')`,
    );
    const now = store.nowIso();
    store.transaction(() => {
      for (let i = 0; i < CLOSE_PAYMENTS; i++)
        payDesk.run(
          randomUUID(),
          tenantId,
          now,
          now,
          sample,
          100 + i,
          methods[i % 4],
          now,
          desk.user.id,
          desk.actor.deviceId,
        );
    });
    const previews: number[] = [];
    for (let k = 0; k < REPS; k++) {
      const t0 = performance.now();
      services.billing.closePreview(desk);
      previews.push(performance.now() - t0);
    }
    const c0 = performance.now();
    const sealed = services.billing.closeDay(desk, { countedCash: 0, note: '' });
    const closeMs = performance.now() - c0;
    if (sealed.paymentCount !== CLOSE_PAYMENTS) throw new Error('the close missed payments');

    // The receipt of an invoice with several lines and payments.
    const inv = services.billing.createInvoice(desk, {
      patientId: patients[0] ?? '',
      doctorId: doctors[0] ?? null,
      lines: Array.from({ length: 6 }, (_, i) => ({
        description: `Service ${i}`,
        quantity: 1 + i,
        unitPrice: 1500,
        taxRateBp: 2000,
      })),
      issue: true,
    });
    for (let i = 0; i < 3; i++)
      services.billing.recordPayment(desk, {
        billingId: inv.id,
        amount: 1000,
        method: 'cash',
        tendered: 2000,
      });
    await services.billing.document(desk, { id: inv.id, kind: 'receipt' });
    const pdfTimes: number[] = [];
    for (let k = 0; k < REPS; k++) {
      const t0 = performance.now();
      await services.billing.document(desk, { id: inv.id, kind: 'receipt' });
      pdfTimes.push(performance.now() - t0);
    }
    return {
      invoices: INVOICES,
      listP50Ms: percentile(listTimes, 50),
      listP95Ms: percentile(listTimes, 95),
      listUnfilteredP95Ms: percentile(unfiltered, 95),
      perFilterP95Ms,
      closeMs,
      closePreviewP95Ms: percentile(previews, 95),
      pdfP95Ms: percentile(pdfTimes, 95),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER TARGET');

export function format(r: BillingBenchResult): string[] {
  return [
    `billing list, ${r.invoices} invoices, filtered: p50 ${r.listP50Ms.toFixed(1)} ms, p95 ${r.listP95Ms.toFixed(1)} ms (target <= 50 ms) ${verdict(r.listP95Ms <= 50)}`,
    `  per filter p95: ${r.perFilterP95Ms.map((f) => `${f.name} ${f.p95.toFixed(1)} ms`).join(', ')}`,
    `billing list, unfiltered with totals over all ${r.invoices}: p95 ${r.listUnfilteredP95Ms.toFixed(1)} ms`,
    `daily close over 2000 payments: ${r.closeMs.toFixed(1)} ms (preview p95 ${r.closePreviewP95Ms.toFixed(1)} ms) (target <= 200 ms) ${verdict(r.closeMs <= 200)}`,
    `receipt PDF: p95 ${r.pdfP95Ms.toFixed(1)} ms (target <= 300 ms) ${verdict(r.pdfP95Ms <= 300)}`,
  ];
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  for (const line of format(await run())) console.log(line);
}
