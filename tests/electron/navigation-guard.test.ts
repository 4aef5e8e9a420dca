// Navigation, new windows and webviews, against a fake WebContents
// (Electron cannot run in tests; the fake records the listeners the guard installs).
import { describe, expect, it } from 'vitest';
import { guardNavigation } from '../../electron/main/navigation-guard';
import type { GuardedContents } from '../../electron/main/navigation-guard';

type Listener = (event: FakeEvent) => void;

class FakeEvent {
  prevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.prevented = true;
  }
}

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const refusals: string[] = [];
  guardNavigation(contents, { refused: (what, target) => refusals.push(`${what} ${target}`) });
  const fire = (event: string, url: string): boolean => {
    const e = new FakeEvent(url);
    listeners.get(event)?.(e);
    return e.prevented;
  };
  return { fire, openWindow: (url: string) => openHandler?.({ url }), refusals };
}

describe('navigation guard', () => {
  it('lets the app move between its own pages', () => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', 'app://ehrbs/index.html#/patients')).toBe(false);
    expect(fire('will-redirect', 'app://ehrbs/login')).toBe(false);
    expect(fire('will-frame-navigate', 'app://ehrbs/')).toBe(false);
  });

  it('blocks navigation and redirects anywhere else', () => {
    const { fire, refusals } = fakeContents();
    expect(fire('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:5180/')).toBe(true);
    expect(fire('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://other/index.html')).toBe(true);
    expect(fire('will-navigate', 'app://user@ehrbs/')).toBe(true);
    expect(fire('will-navigate', 'not a url')).toBe(true);
    // Logs say where, never the path (which could carry a patient id).
    expect(refusals[0]).toBe('navigation https://evil.example');
  });

  it('never opens a new window', () => {
    const { openWindow, refusals } = fakeContents();
    expect(openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(openWindow('app://ehrbs/index.html')).toEqual({ action: 'deny' });
    expect(refusals).toContain('new window https://example.org');
  });

  it('refuses to attach a webview', () => {
    const { fire } = fakeContents();
    expect(fire('will-attach-webview', 'app://ehrbs/')).toBe(true);
  });
});
