// Remembers where the window was, so each workstation reopens the app where
// staff left it. Saved bounds are used only if they still overlap a display:
// after a monitor is unplugged the window must not open off-screen.
import type { Settings, SettingsStore } from '../core/settings/settings-store';

type Bounds = NonNullable<Settings['windowBounds']>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The parts of Electron's BrowserWindow used here (a fake in tests). */
export interface BoundedWindow {
  getNormalBounds(): Rectangle;
  on(event: 'close', listener: () => void): unknown;
}

/** How much of the title bar must be visible for the saved position to be kept. */
const minVisible = 100;

export function savedBoundsOnScreen(
  settings: SettingsStore,
  workAreas: readonly Rectangle[],
): Bounds | null {
  const saved = settings.get('windowBounds');
  if (saved === null) return null;
  const visible = workAreas.some(
    (area) =>
      Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x) >=
        minVisible &&
      saved.y >= area.y &&
      saved.y < area.y + area.height - minVisible / 4,
  );
  return visible ? saved : null;
}

/** Saves the window's normal (not maximised) bounds when it closes. */
export function rememberBounds(window: BoundedWindow, settings: SettingsStore): void {
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    const bounds = {
      x: Math.round(x),
      y: Math.round(y),
      // The settings schema has minimum sizes; a tiny window is not worth keeping.
      width: Math.max(400, Math.round(width)),
      height: Math.max(300, Math.round(height)),
    };
    settings.set('windowBounds', bounds);
  });
}
