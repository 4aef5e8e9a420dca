// Where the UI comes from: a custom protocol rather than file://, so the page
// has a real, fixed origin (Electron security checklist #18) that IPC sender
// checks and navigation guards can compare against.
export const appScheme = 'app';
export const appHost = 'ehrbs';
export const appOrigin = `${appScheme}://${appHost}`;
export const appStartUrl = `${appOrigin}/index.html`;

/**
 * True when `url` is a page of our app. Compared by scheme and host rather than
 * URL.origin: Node's WHATWG URL treats custom schemes as opaque and reports
 * their origin as "null", which would make every comparison fail (or, worse,
 * match another opaque origin).
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.host === appHost &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}
