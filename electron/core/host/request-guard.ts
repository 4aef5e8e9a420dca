// Who may call the browser host's API. Anything on this machine can reach
// 127.0.0.1, including web pages in any browser tab, so a request must prove
// it comes from the page we served:
// - Host must name 127.0.0.1 or localhost at our port (a DNS-rebinding page
//   sends its own host name even when it resolves to us);
// - Origin, when present, must be our own (a cross-site fetch always has one);
// - the per-launch secret must match (it is only in the URL we printed).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../../../shared/errors';

export const secretHeader = 'x-ehrbs-secret';

/** 256 bits, URL-safe, so it can travel in the URL fragment as printed. */
export const newLaunchSecret = (): string => randomBytes(32).toString('base64url');

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? undefined : value;

/** The Host values a browser sends for this host; anything else is refused. */
export const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

/** Refuses requests not addressed to us by name (DNS rebinding); used for every path. */
export function checkHost(headers: IncomingHttpHeaders, port: number): AppError | null {
  const host = single(headers.host)?.toLowerCase();
  if (host === undefined || !allowedHosts(port).includes(host)) {
    return new AppError('FORBIDDEN', 'This address is not served here.');
  }
  return null;
}

/** The full check for an API call: host, then origin, then the launch secret. */
export function checkApiCaller(
  headers: IncomingHttpHeaders,
  port: number,
  secret: string,
): AppError | null {
  const hostError = checkHost(headers, port);
  if (hostError) return hostError;
  const host = single(headers.host)?.toLowerCase();
  const origin = single(headers.origin);
  // Browsers send Origin on every POST, so a missing one is a non-browser
  // client (a script on this machine): the secret alone decides for it.
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return new AppError('FORBIDDEN', 'Requests from other sites are refused.');
  }
  const fetchSite = single(headers['sec-fetch-site']);
  if (fetchSite !== undefined && fetchSite !== 'same-origin') {
    return new AppError('FORBIDDEN', 'Requests from other sites are refused.');
  }
  const given = single(headers[secretHeader]);
  if (given === undefined || !sameSecret(given, secret)) {
    return new AppError(
      'UNAUTHENTICATED',
      'This page was not opened from the link the app printed. Open that link again.',
    );
  }
  return null;
}

/** Constant-time comparison; hashing first makes the lengths equal. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
