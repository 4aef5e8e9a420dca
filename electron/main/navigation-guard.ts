// Keeps the app window on our own pages (Electron security checklist #13-#15):
// a link or script must not navigate it to a site that would then inherit the
// preload's API, open new windows, or attach a <webview>.
import { isAppUrl } from './app-origin';

interface Preventable {
  preventDefault(): void;
}

/** Electron's navigation event details (the positional URL argument is deprecated). */
interface NavigationEvent extends Preventable {
  readonly url: string;
}

/** The parts of Electron's WebContents the guard uses (a fake in tests). */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: NavigationEvent) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface NavigationLog {
  /** Receives only the refused URL's scheme and host: paths may carry patient ids. */
  refused(what: string, target: string): void;
}

const describeTarget = (url: string): string => {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}`;
  } catch {
    return '(unparseable URL)';
  }
};

export function guardNavigation(contents: GuardedContents, log: NavigationLog): void {
  const stayOnApp = (what: string) => (event: NavigationEvent) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.refused(what, describeTarget(event.url));
  };
  contents.on('will-navigate', stayOnApp('navigation'));
  contents.on('will-redirect', stayOnApp('redirect'));
  // Sub-frames navigate too (will-navigate only covers the main frame).
  contents.on('will-frame-navigate', stayOnApp('frame navigation'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.refused('webview', '(any)');
  });
  // No second windows: links with target=_blank and window.open do nothing.
  contents.setWindowOpenHandler(({ url }) => {
    log.refused('new window', describeTarget(url));
    return { action: 'deny' };
  });
}
