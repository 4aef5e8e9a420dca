// The BrowserWindow options of the one app window. Every web preference that
// matters for security is set explicitly (Electron security checklist #2-#4,
// #6, #12): relying on today's defaults would silently change with an upgrade.
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Settings } from '../core/settings/settings-store';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** Saved bounds, already checked to be on a visible display; null for the default size. */
  bounds: Settings['windowBounds'];
  /** DevTools for development runs only (`!app.isPackaged`). */
  allowDevTools: boolean;
}

export function createWindowOptions({
  preloadPath,
  bounds,
  allowDevTools,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? { width: 1280, height: 800 }),
    minWidth: 800,
    minHeight: 600,
    title: 'EHRBS',
    // Shown on 'ready-to-show', so staff never see a blank white window.
    show: false,
    backgroundColor: '#f7f8fa',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Chromium fetches spelling dictionaries from Google: the app makes no
      // network calls but sync.
      spellcheck: false,
      // In a packaged build DevTools would let anyone at the desk script the store.
      devTools: allowDevTools,
    },
  };
}
