// Window bounds saved to and restored from settings, with a fake window
// (Electron cannot run in tests) and the real conf-backed settings store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfSettings } from '../../electron/core/settings/conf-settings';
import { rememberBounds, savedBoundsOnScreen } from '../../electron/main/window-bounds';
import type { Rectangle } from '../../electron/main/window-bounds';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehrbs-bounds-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
const external: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 };

function closeWindowAt(bounds: Rectangle): void {
  let onClose = (): void => {};
  rememberBounds(
    {
      getNormalBounds: () => bounds,
      on: (_event, listener) => {
        onClose = listener;
      },
    },
    openConfSettings(dir),
  );
  onClose();
}

describe('window bounds', () => {
  it('reopens where the window was closed, across restarts', () => {
    closeWindowAt({ x: 100.4, y: 80, width: 1200, height: 900 });
    const reopened = openConfSettings(dir);
    expect(savedBoundsOnScreen(reopened, [laptop])).toEqual({
      x: 100,
      y: 80,
      width: 1200,
      height: 900,
    });
  });

  it('uses the default place when the saved display is gone', () => {
    closeWindowAt({ x: 2500, y: 100, width: 1200, height: 900 });
    expect(savedBoundsOnScreen(openConfSettings(dir), [laptop, external])).not.toBeNull();
    expect(savedBoundsOnScreen(openConfSettings(dir), [laptop])).toBeNull();
  });

  it('starts at the default place on first run', () => {
    expect(savedBoundsOnScreen(openConfSettings(dir), [laptop])).toBeNull();
  });

  it('keeps a tiny window at the minimum size the settings allow', () => {
    closeWindowAt({ x: 10, y: 10, width: 120, height: 90 });
    expect(openConfSettings(dir).get('windowBounds')).toEqual({
      x: 10,
      y: 10,
      width: 400,
      height: 300,
    });
  });
});
