// `npm test`: lint, type-check, the unit and integration suites (vitest), then the
// browser end-to-end suite (Playwright in Debian's Chromium). Stops at the first failure
// and ends with one summary line in the form CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, rmSync } from 'node:fs';

const npx = (args, extraEnv = {}) =>
  spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } }).status ?? 1;

const steps = [
  ['lint', () => spawnSync('npm', ['run', 'lint'], { stdio: 'inherit' }).status ?? 1],
  ['typecheck', () => spawnSync('npm', ['run', 'typecheck'], { stdio: 'inherit' }).status ?? 1],
  [
    'unit',
    () =>
      npx([
        'vitest',
        'run',
        '--reporter=default',
        '--reporter=json',
        '--outputFile=test-summary/vitest.json',
      ]),
  ],
  [
    'e2e',
    () =>
      npx(['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-summary/playwright.json' }),
  ],
];

rmSync('test-summary/vitest.json', { force: true });
rmSync('test-summary/playwright.json', { force: true });

let failedStep = null;
for (const [name, run] of steps) {
  console.log(`\n=== ${name} ===`);
  if (run() !== 0) {
    failedStep = name;
    break;
  }
}

let passed = 0;
let failed = 0;
if (existsSync('test-summary/vitest.json')) {
  const v = JSON.parse(readFileSync('test-summary/vitest.json', 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (existsSync('test-summary/playwright.json')) {
  const p = JSON.parse(readFileSync('test-summary/playwright.json', 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
}
if (failedStep) console.log(`\nnpm test stopped: the ${failedStep} step failed`);
if (failedStep && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
