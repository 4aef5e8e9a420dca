// The browser host's per-launch secret. It arrives once in the launch URL's
// fragment (#k=...), which never reaches the server's logs; we keep it in
// sessionStorage (this tab only, gone when the tab closes) and take it out of
// the visible address so it is not copied, bookmarked or shown on screen.
const STORAGE_KEY = 'ehrbs.hostSecret';

export function takeSecretFromUrl(): string | null {
  const match = /(?:^#|&)k=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const secret = decodeURIComponent(match[1]);
    sessionStorage.setItem(STORAGE_KEY, secret);
    const clean = window.location.pathname + window.location.search + '#/';
    window.history.replaceState(null, '', clean);
    return secret;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

let cached: string | null | undefined;

/** The secret for this tab, read from the URL on first use. */
export function hostSecret(): string | null {
  if (cached === undefined) cached = takeSecretFromUrl();
  return cached;
}
