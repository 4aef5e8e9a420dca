// Launching Electron for `npm start`, and falling back when it cannot run.
// Node itself stands in for the Electron binary (which is not installed on
// build machines and cannot be downloaded there).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchElectron } from '../../../electron/core/host/electron-launch';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehrbs-launch-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('launching Electron', () => {
  it('reports a binary that cannot be started as unavailable', async () => {
    const outcome = await launchElectron(join(dir, 'no-such-electron'), 'main.js', []);
    expect(outcome.kind).toBe('unavailable');
  });

  it('runs the built main file and passes its exit code on', async () => {
    const main = join(dir, 'main.js');
    await writeFile(main, 'process.exit(process.argv[2] === "--flag" ? 3 : 0)');
    const outcome = await launchElectron(process.execPath, main, ['--flag']);
    expect(outcome.kind).toBe('launched');
    if (outcome.kind === 'launched') expect(await outcome.exited).toBe(3);
  });
});
