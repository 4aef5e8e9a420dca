// `ehrbs codes import`: the official ICD-10-CM order file (fixture in its exact
// format) loads into the store's code list; a malformed file is named by line,
// exits 2 and loads nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { tempDir, testWrapper } from '../helpers';
import { ADMIN_PASSWORD, cliEnv, expectOneErrorLine, initArgs, runCli } from './cli-harness';

const SLOW = 180_000;
const FIXTURE = join(import.meta.dirname, '../../fixtures/icd10cm/icd10cm-order-sample.txt');
const tmp = tempDir('ehrbs-cli-codes-');
const store = join(tmp.dir, 'store');

beforeAll(async () => {
  expect((await runCli(initArgs(store), cliEnv({ EHRBS_PASSWORD: ADMIN_PASSWORD }))).code).toBe(0);
}, SLOW);
afterAll(() => tmp.cleanup());

async function codeCount(): Promise<{ all: number; has: boolean }> {
  const s = await ClinicStore.open(store, testWrapper(), { migrate: false });
  try {
    return { all: s.codes.count(), has: s.codes.find('E11.65') !== null };
  } finally {
    s.closeUntouched();
  }
}

describe('ehrbs codes import', { timeout: SLOW }, () => {
  it('refuses a malformed order file, naming the line, and loads nothing', async () => {
    const before = await codeCount();
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    lines[4] = `00005 E11 Type 2 diabetes mellitus`; // columns out of place
    const bad = join(tmp.dir, 'bad.txt');
    writeFileSync(bad, lines.join('\n'));
    const r = await runCli(['codes', 'import', '--data', store, '--file', bad]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r)).toMatch(
      /^ehrbs: Line 5 is not in the ICD-10-CM order file format/,
    );
    expect(await codeCount()).toEqual(before);
    expect(before.has).toBe(false);
  });

  it('loads the order file and says how many codes it loaded', async () => {
    const before = await codeCount();
    const r = await runCli(['codes', 'import', '--data', store, '--file', FIXTURE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const after = await codeCount();
    expect(after.has).toBe(true);
    expect(r.stdout).toBe(
      `Loaded 14 ICD-10-CM codes (11 valid for a diagnosis, 3 headers); the code list holds ${after.all} codes.\n`,
    );
    // I10 and E11.9 were in the starter list already: 12 new codes.
    expect(after.all).toBe(before.all + 12);
  });

  it('has its own help', async () => {
    const r = await runCli(['codes', 'import', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: ehrbs codes import --data DIR --file FILE/);
  });
});
