// The app:// protocol that serves the built renderer inside Electron, with the
// same CSP and file rules as the browser host (both use the core's
// static-files and security-headers modules).
import { readFile } from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import { securityHeaders } from '../core/host/security-headers';
import { lookupStaticFile } from '../core/host/static-files';
import { appHost, appScheme } from './app-origin';

/**
 * Must be registered before the app is ready. `standard` gives the scheme
 * normal origin semantics (relative URLs, a real origin for CSP's 'self');
 * `secure` makes it a secure context like https.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** The handler for protocol.handle(appScheme, …): static files of `rendererDir` only. */
export function createAppProtocolHandler(
  rendererDir: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    // Another host under our scheme is never ours: refuse rather than serve it.
    if (url.host !== appHost || request.method !== 'GET') return respond(403, 'Forbidden');
    const found = await lookupStaticFile(rendererDir, url.pathname);
    if (found.kind === 'forbidden') return respond(403, 'Forbidden');
    if (found.kind === 'not-found') return respond(404, 'Not found');
    const body = await readFile(found.path);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': found.contentType },
    });
  };
}

const respond = (status: number, text: string): Response =>
  new Response(text, {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
