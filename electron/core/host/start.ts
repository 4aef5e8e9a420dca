// `npm start` and `npm run web` (via bin/ehrbs-start.js). `npm start` runs the
// Electron app when its binary is installed; otherwise, and always with
// --web, it serves the same renderer and API contract from the browser host.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAppError } from '../../../shared/errors';
import { openCoreApp } from '../app/core-app';
import { openConfSettings } from '../settings/conf-settings';
import { parseStartOptions } from './cli-options';
import type { StartOptions } from './cli-options';
import { findElectronBinary, launchElectron } from './electron-launch';
import { chooseHostKeyWrapper } from './host-key-wrapper';
import { startBrowserHost } from './http-host';
import type { BrowserHost } from './http-host';
import { ensureRendererBuilt, newestMtime, rendererOutDir } from './renderer-build';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Resolves to false when Electron cannot be launched here (the caller falls back). */
async function runElectron(): Promise<boolean> {
  const binary = findElectronBinary();
  if (binary === null) return false;
  const mainFile = join(rootDir, 'dist', 'electron', 'main.js');
  if (await desktopBuildIsStale(mainFile)) {
    console.log('Building the app...');
    const built = spawnSync(process.execPath, [join(rootDir, 'scripts', 'build.js')], {
      stdio: 'inherit',
    });
    if (built.status !== 0) return false;
  }
  const outcome = await launchElectron(binary, mainFile, []);
  if (outcome.kind === 'unavailable') return false;
  process.exitCode = await outcome.exited;
  return true;
}

/** The desktop bundle runs built code: rebuild when it is missing or any source is newer. */
async function desktopBuildIsStale(mainFile: string): Promise<boolean> {
  const built = await stat(mainFile).catch(() => null);
  if (built === null) return true;
  for (const dir of ['electron', 'shared', 'renderer']) {
    if ((await newestMtime(join(rootDir, dir))) > built.mtimeMs) return true;
  }
  return false;
}

async function runBrowserHost(options: StartOptions): Promise<void> {
  try {
    if (await ensureRendererBuilt({ rootDir })) console.log('Built the renderer.');
  } catch {
    // vite has already printed the build errors above this line.
    fail('The app screens could not be built (see the errors above); fix them and start again.');
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const key = chooseHostKeyWrapper(options.dataDir, options.passphrase);
  if (key.notice) console.log(key.notice);
  const core = await openCoreApp({
    dataDir: options.dataDir,
    keyWrapper: key.wrapper,
    settings: openConfSettings(options.dataDir),
  });
  let host: BrowserHost;
  try {
    host = await startBrowserHost({
      dispatch: core.dispatch,
      downloads: core.workstation.downloads,
      port: options.port,
      rendererDir: rendererOutDir(rootDir),
    });
  } catch (e) {
    core.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      fail(`Port ${options.port} is in use. Start with --port N (or --port 0 for any free port).`);
    }
    throw e;
  }
  console.log(`EHRBS is running. Open ${host.url}`);
  console.log(`Clinic data: ${options.dataDir}. Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // Stop serving first, so no request reaches a closing store; then close
    // the store, which checkpoints its write-ahead log into the database file.
    void host
      .close()
      .finally(() => core.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const options = parseStartOptions(process.argv.slice(2), process.env, process.cwd());
  if (!options.web) {
    if (await runElectron()) return;
    console.log(
      'Electron cannot be launched on this machine (its binary is not installed); ' +
        'serving the same app in your browser instead.',
    );
  }
  await runBrowserHost(options);
}

main().catch((e: unknown) => {
  // EHRBS_DEBUG is for developers with test data only: a stack may quote values.
  if (process.env.EHRBS_DEBUG) console.error(e);
  // AppError messages are written for people and carry no patient data;
  // anything else is reported by type only.
  fail(
    isAppError(e) ? e.message : `EHRBS could not start (${e instanceof Error ? e.name : 'error'}).`,
  );
});
