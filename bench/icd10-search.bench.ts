// ICD-10 search as the doctor types, over 70,000 codes (issue 9 target: p95
// <= 15 ms per keystroke). The codes are generated in the official ICD-10-CM
// order file format, written to a file, parsed and loaded by the same code as
// `ehrbs codes import`; then each query is typed one character at a time and
// every prefix is searched through the service (codes.search minus the IPC hop).
// Run: node bin/run-ts.js bench/icd10-search.bench.ts (or npm run bench icd10).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseOrderFile } from '../electron/core/store/icd10-codes';
import { percentile } from './support/stats';
import { clinicWorld } from '../tests/core/world';

const CODES = 70_000;

// prettier-ignore
const WORDS = [
  'acute', 'chronic', 'fracture', 'diabetes', 'mellitus', 'type', 'hypertension', 'asthma',
  'infection', 'disorder', 'disease', 'kidney', 'heart', 'failure', 'pain', 'right', 'left',
  'bilateral', 'unspecified', 'with', 'without', 'complications', 'femur', 'tibia', 'knee',
  'encounter', 'initial', 'subsequent', 'sequela', 'closed', 'open', 'displaced', 'neoplasm',
  'malignant', 'benign', 'lung', 'liver', 'pneumonia', 'bacterial', 'viral', 'due', 'to',
  'other', 'specified', 'stage', 'anxiety', 'depressive', 'episode', 'injury', 'poisoning',
];

/** A deterministic order file of `n` codes: one header per category, then its children. */
export function orderFile(n: number): string {
  let seed = 42;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const words = (k: number) =>
    Array.from({ length: k }, () => WORDS[Math.floor(rand() * WORDS.length)] ?? 'other').join(' ');
  const lines: string[] = [];
  const chars = '0123456789ABCDEFGHJKXYZ';
  let order = 1;
  outer: for (let letter = 0; letter < 26; letter++)
    for (let cat = 0; cat < 100; cat++) {
      const head = `${String.fromCharCode(65 + letter)}${String(cat).padStart(2, '0')}`;
      const desc = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
      const line = (code: string, flag: 0 | 1, long: string) =>
        `${String(order++).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${long.slice(0, 60).padEnd(60)} ${long}`;
      lines.push(line(head, 0, desc(words(3))));
      for (let i = 0; i < 26; i++) {
        if (lines.length >= n) break outer;
        const code = `${head}${chars[i % 10]}${i >= 10 ? (chars[i] ?? 'X') : ''}`;
        lines.push(line(code, 1, desc(words(5 + Math.floor(rand() * 8)))));
      }
    }
  return lines.join('\n') + '\n';
}

const QUERIES = [
  'type 2 diabetes with',
  'E11.65',
  'fracture of femur closed',
  'hypertension',
  'chronic kidney disease stage',
  'S72.0',
  'pain in right knee',
  'acute bacterial pneumonia',
  'anxiety disorder',
  'malignant neoplasm of lung',
];

export interface Icd10BenchResult {
  codes: number;
  keystrokes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  importMs: number;
}

export async function run(): Promise<Icd10BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ehrbs-icd10-'));
  const w = await clinicWorld();
  try {
    const file = join(dir, 'icd10cm_order_bench.txt');
    writeFileSync(file, orderFile(CODES));
    const t0 = performance.now();
    const codes = parseOrderFile(readFileSync(file, 'utf8'));
    w.store.codes.importCodes(codes, 'icd10cm');
    const importMs = performance.now() - t0;
    const doctor = w.doctorSession;
    const times: number[] = [];
    // Warm-up: the first query prepares the statements.
    w.services.records.searchCodes(doctor, { query: 'a', limit: 8 });
    for (let round = 0; round < 3; round++)
      for (const q of QUERIES)
        for (let i = 1; i <= q.length; i++) {
          const s = performance.now();
          w.services.records.searchCodes(doctor, { query: q.slice(0, i), limit: 8 });
          times.push(performance.now() - s);
        }
    return {
      codes: codes.length,
      keystrokes: times.length,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      maxMs: Math.max(...times),
      importMs,
    };
  } finally {
    w.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const format = (r: Icd10BenchResult): string[] => [
  `ICD-10 search over ${r.codes} codes, ${r.keystrokes} keystrokes: p50 ${r.p50Ms.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms, max ${r.maxMs.toFixed(1)} ms (target p95 <= 15 ms)`,
  `order file parse + import of ${r.codes} codes: ${r.importMs.toFixed(0)} ms`,
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of format(await run())) console.log(line);
}
