// Small helpers shared by the sync benchmarks: timing, percentiles, the
// BENCH_SCALE knob, and the verdict printed next to a target.
import { performance } from 'node:perf_hooks';

/** BENCH_SCALE (default 1) shrinks a workload for a quick run; full-scale figures use 1. */
export const benchScale = (): number => {
  const raw = Number(process.env['BENCH_SCALE'] ?? 1);
  return Number.isFinite(raw) && raw > 0 ? raw : 1;
};

export const scaled = (full: number, min = 1): number =>
  Math.max(min, Math.round(full * benchScale()));

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

export const perSecond = (n: number, ms: number): number => (n / ms) * 1000;

/** Progress notes go to stderr, so stdout holds only the figures. */
export const note = (text: string): void => {
  process.stderr.write(`  (${text})\n`);
};

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
