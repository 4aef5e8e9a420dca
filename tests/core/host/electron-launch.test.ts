// Launching Electron for `npm start`, and falling back when it cannot run.
// Node itself stands in for the Electron binary (which is not installed on
// build machines and cannot be downloaded there).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary, launchElectron } from '../../../electron/core/host/electron-launch';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehrbs-launch-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('finding Electron', () => {
  it('finds the binary the electron package installed', async () => {
    const pkg = join(dir, 'installed');
    await mkdir(join(pkg, 'dist'), { recursive: true });
    await writeFile(join(pkg, 'path.txt'), 'electron');
    await writeFile(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(pkg, {})).toBe(join(pkg, 'dist', 'electron'));
  });

  it('reports none when the download never happened (no binary, or no path.txt)', async () => {
    const pkg = join(dir, 'not-downloaded');
    await mkdir(pkg, { recursive: true });
    expect(findElectronBinary(pkg, {})).toBeNull();
    await writeFile(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(pkg, {})).toBeNull();
    expect(findElectronBinary(null, {})).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', async () => {
    const pkg = join(dir, 'override');
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(pkg, { recursive: true });
    await mkdir(elsewhere, { recursive: true });
    await writeFile(join(pkg, 'path.txt'), 'electron');
    await writeFile(join(elsewhere, 'electron'), '');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: elsewhere };
    expect(findElectronBinary(pkg, env)).toBe(join(elsewhere, 'electron'));
  });
});

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
