// The Electron main process: wiring only. Each security concern lives in its
// own module and is unit-tested with fakes; this file hands them the real
// Electron objects. Bundled by scripts/build.js to dist/electron/main.js,
// beside preload.cjs and ../renderer.
import { BrowserWindow, app, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import type { SaveDialogOptions } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCoreApp } from '../core/app/core-app';
import type { CoreApp } from '../core/app/core-app';
import { isAppError, toErrorPayload } from '../../shared/errors';
import { appScheme } from './app-origin';
import { appSchemePrivileges, createAppProtocolHandler } from './app-protocol';
import { openAppWindow } from './app-window';
import { registerDesktopHandlers } from './backup-save';
import { openElectronSettings } from './electron-settings';
import { registerIpcHandlers } from './ipc-handlers';
import { mainLog } from './main-log';
import { guardNavigation } from './navigation-guard';
import { denyAllPermissions } from './permissions';
import { SafeStorageKeyWrapper } from './safe-storage-wrapper';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const preloadPath = join(here, 'preload.cjs');

// Must happen before 'ready': schemes cannot be made privileged later.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
// Every renderer sandboxed, whatever options a window is created with.
app.enableSandbox();

let core: CoreApp | null = null;

// Guard every web contents as it is created, before it can load anything.
app.on('web-contents-created', (_event, contents) => guardNavigation(contents, mainLog));

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  // Checkpoints and closes the store so no write-ahead log is left behind.
  core?.close();
  core = null;
});

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData');
  const settings = openElectronSettings(dataDir);
  denyAllPermissions(session.defaultSession);
  session.defaultSession.protocol.handle(appScheme, createAppProtocolHandler(rendererDir));
  try {
    core = await openCoreApp({
      dataDir,
      keyWrapper: new SafeStorageKeyWrapper(safeStorage),
      settings,
    });
  } catch (e) {
    const payload = toErrorPayload(e);
    mainLog.failedToStart(payload.code);
    // AppError messages are written for people; anything else stays generic.
    dialog.showErrorBox(
      'EHRBS cannot start',
      isAppError(e) ? payload.message : 'The clinic data could not be opened.',
    );
    app.exit(1);
    return;
  }
  registerIpcHandlers(ipcMain, core.dispatch, mainLog);
  const { dispatch } = core;
  // Back up now → a copy where the user chooses. Only these lines touch the
  // dialog; they cannot run in tests (no Electron binary there): backup-save.ts
  // holds the rest, tested with real files.
  registerDesktopHandlers(
    ipcMain,
    {
      list: () => dispatch('backups.list', {}),
      audit: (fileName) => dispatch('backups.copied', { fileName }),
      askWhere: async (defaultName) => {
        const options: SaveDialogOptions = {
          defaultPath: defaultName,
          filters: [{ name: 'EHRBS backup', extensions: ['ehrbs-backup'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        };
        const parent = BrowserWindow.getFocusedWindow();
        const r = parent
          ? await dialog.showSaveDialog(parent, options)
          : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
    },
    mainLog,
  );
  await openAppWindow(settings, preloadPath, !app.isPackaged);
}

// Two instances would open the same encrypted store at once: the second one
// only asks the first to come to the front (its 'second-instance' event).
if (app.requestSingleInstanceLock()) {
  start().catch((e: unknown) => {
    mainLog.failedToStart(toErrorPayload(e).code);
    app.exit(1);
  });
} else {
  app.quit();
}
