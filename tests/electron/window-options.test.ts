// The app window's options: the security-relevant web preferences are pinned.
import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../electron/main/window-options';

describe('app window options', () => {
  const options = createWindowOptions({
    preloadPath: '/app/dist/electron/preload.cjs',
    bounds: null,
    allowDevTools: false,
  });

  it('sandboxes the renderer and isolates the preload', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
    });
  });

  it('opens hidden at a default size until the page is ready', () => {
    expect(options).toMatchObject({ show: false, width: 1280, height: 800 });
  });

  it('reopens where the window was left', () => {
    const restored = createWindowOptions({
      preloadPath: '/p.cjs',
      bounds: { x: 40, y: 30, width: 1000, height: 700 },
      allowDevTools: true,
    });
    expect(restored).toMatchObject({ x: 40, y: 30, width: 1000, height: 700 });
    expect(restored.webPreferences?.devTools).toBe(true);
  });
});
