// Finds and launches the Electron binary for `npm start`. The `electron` npm
// package's own entry (require('electron')) downloads the binary when it is
// missing, which hangs or fails on machines without access to GitHub
// releases; so this reads the same path.txt it would, and only checks whether
// the binary is there. No download is ever attempted here.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the electron npm package is installed, or null without it. */
function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The Electron executable, or null when it is not installed on this machine. */
export function findElectronBinary(
  packageDir: string | null = electronPackageDir(),
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (packageDir === null) return null;
  let relative: string;
  try {
    relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  // Same override the electron package honours, for a binary installed elsewhere.
  const base = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(base, relative);
  return relative !== '' && existsSync(binary) ? binary : null;
}

export type LaunchOutcome = { kind: 'launched'; exited: Promise<number> } | { kind: 'unavailable' };

/**
 * Starts Electron with the built main process. Resolves once the process has
 * spawned (or failed to), so the caller can fall back to the browser host.
 */
export function launchElectron(
  binary: string,
  mainFile: string,
  args: readonly string[],
): Promise<LaunchOutcome> {
  return new Promise((resolve) => {
    const child = spawn(binary, [mainFile, ...args], { stdio: 'inherit' });
    child.once('error', () => resolve({ kind: 'unavailable' }));
    child.once('spawn', () =>
      resolve({
        kind: 'launched',
        exited: new Promise((done) => child.once('exit', (code) => done(code ?? 1))),
      }),
    );
  });
}
