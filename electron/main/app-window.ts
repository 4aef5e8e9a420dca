// Creates the one app window: secure options, saved bounds, shown when ready.
import { BrowserWindow, screen } from 'electron';
import type { SettingsStore } from '../core/settings/settings-store';
import { appStartUrl } from './app-origin';
import { rememberBounds, savedBoundsOnScreen } from './window-bounds';
import { createWindowOptions } from './window-options';

export async function openAppWindow(
  settings: SettingsStore,
  preloadPath: string,
  allowDevTools: boolean,
): Promise<BrowserWindow> {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const window = new BrowserWindow(
    createWindowOptions({
      preloadPath,
      bounds: savedBoundsOnScreen(settings, workAreas),
      allowDevTools,
    }),
  );
  rememberBounds(window, settings);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(appStartUrl);
  return window;
}
