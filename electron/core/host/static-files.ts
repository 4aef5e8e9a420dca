// Maps a request path to a file of the built renderer. Used by the browser
// host and by Electron's app:// protocol handler, so both refuse the same
// things: anything outside the renderer directory, dotfiles, odd encodings.
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (file: string): string =>
  contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';

export type StaticLookup =
  | { kind: 'file'; path: string; contentType: string }
  | { kind: 'forbidden' }
  | { kind: 'not-found' };

/**
 * Resolves `urlPath` (the path part of a URL, still percent-encoded) inside
 * `rootDir`. Paths without a file extension fall back to index.html, because
 * the renderer is a single-page app with client-side routes.
 */
export async function lookupStaticFile(rootDir: string, urlPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'forbidden' };
  }
  const segments = decoded.split(/[\\/]+/).filter((s) => s !== '');
  // Refuse rather than normalise: a request that tries to climb out, or hides
  // NUL bytes or dotfiles, is never a legitimate renderer asset.
  if (segments.some((s) => s === '..' || s.startsWith('.') || s.includes('\0'))) {
    return { kind: 'forbidden' };
  }
  const root = await realpath(resolve(rootDir)).catch(() => null);
  if (root === null) return { kind: 'not-found' };
  const wanted = segments.length === 0 ? 'index.html' : join(...segments);
  const found = await fileInside(root, wanted);
  if (found !== null) return found;
  // SPA fallback only for route-like paths; a missing /app.js stays a 404.
  if (extname(wanted) === '') {
    return (await fileInside(root, 'index.html')) ?? { kind: 'not-found' };
  }
  return { kind: 'not-found' };
}

async function fileInside(root: string, relative: string): Promise<StaticLookup | null> {
  const candidate = await realpath(join(root, relative)).catch(() => null);
  if (candidate === null) return null;
  // A symlink may still point outside the root; compare the real paths.
  if (candidate !== root && !candidate.startsWith(root + sep)) return { kind: 'forbidden' };
  const info = await stat(candidate).catch(() => null);
  if (info === null || !info.isFile()) return null;
  return { kind: 'file', path: candidate, contentType: contentTypeOf(candidate) };
}
