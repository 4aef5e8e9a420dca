// A larger run of the sync convergence property than the 25 runs in `npm test`
// (tests/core/sync/convergence.property.test.ts): same template, generator and
// oracle (tests/core/sync/convergence-world.ts), a fresh server per run.
//
//   node bin/run-ts.js scripts/convergence.ts [--runs N] [--seed S] [--max-ops M]
//
// --runs defaults to 500; without --seed a seed is chosen; it is printed first,
// re-run it to reproduce. --max-ops raises the longest workload (default 40).
// On a failure, fast-check shrinks the workload and the smallest failing one is
// printed with the error. Exit code 0 when every run converged, 1 on a failure,
// 2 on a usage error.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import {
  buildTemplate,
  convergenceRun,
  workloadArb,
  type RunLog,
} from '../tests/core/sync/convergence-world';

const USAGE = 'usage: convergence.ts [--runs N] [--seed S] [--max-ops M]';

function options(): { runs: number; seed: number; maxOps: number } {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '500' },
      seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
      'max-ops': { type: 'string', default: '40' },
    },
  });
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const maxOps = Number(values['max-ops']);
  if (![runs, seed, maxOps].every(Number.isInteger) || runs < 1 || maxOps < 10) {
    console.error(USAGE);
    process.exit(2);
  }
  return { runs, seed, maxOps };
}

const { runs, seed, maxOps } = options();
console.log(`convergence seed ${seed}, ${runs} runs, up to ${maxOps} operations each`);
const started = Date.now();
const template = await buildTemplate();
const logs: RunLog[] = [];
let failed = false;
try {
  const details = await fc.check(
    fc.asyncProperty(workloadArb(maxOps), async ([count, ops]) => {
      logs.push(await convergenceRun(template, count, ops));
      if (logs.length % 50 === 0)
        console.log(`${logs.length} runs, ${Math.round((Date.now() - started) / 1000)} s`);
    }),
    { seed, numRuns: runs },
  );
  if (details.failed) {
    failed = true;
    console.log(`convergence: FAILED (seed ${seed}, path ${details.counterexamplePath ?? ''})`);
    console.log(`smallest failing workload: ${JSON.stringify(details.counterexample)}`);
    console.log(details.errorInstance);
  }
} finally {
  template.cleanup();
}
const refused = new Map<string, number>();
for (const r of logs.flatMap((l) => l.refused)) {
  const k = `${r.op}${r.kind ? `/${r.kind}` : ''}: ${r.code}`;
  refused.set(k, (refused.get(k) ?? 0) + 1);
}
console.log(
  `${logs.length} runs (shrinking included) in ${Math.round((Date.now() - started) / 1000)} s; ` +
    `${logs.reduce((n, l) => n + l.accepted, 0)} user operations accepted; refused: ` +
    ([...refused].map(([k, n]) => `${k} x${n}`).join(', ') || 'none'),
);
if (!failed) console.log('convergence: every run converged');
process.exit(failed ? 1 : 0);
