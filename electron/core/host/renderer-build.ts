// Builds the renderer (vite) when dist/renderer is missing or older than its
// sources, so `npm start` / `npm run web` work straight after a checkout or an
// edit, without a separate build step. Vite is loaded only when a build is needed.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

export interface RendererPaths {
  /** The repository root (holds renderer/, shared/, dist/). */
  rootDir: string;
}

export const rendererOutDir = (rootDir: string): string => join(rootDir, 'dist', 'renderer');

/** Everything the renderer bundle is built from: its own folder and shared/. */
const sourceDirs = (rootDir: string): string[] => [
  join(rootDir, 'renderer'),
  join(rootDir, 'shared'),
];

/** The newest modification time of any file under `dir` (node_modules excluded). */
export async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (path.split(sep).includes('node_modules')) continue;
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs > newest) newest = info.mtimeMs;
  }
  return newest;
}

/** True when there is no build or a source file changed after it. */
export async function rendererBuildIsStale({ rootDir }: RendererPaths): Promise<boolean> {
  const built = await stat(join(rendererOutDir(rootDir), 'index.html')).catch(() => null);
  if (built === null) return true;
  for (const dir of sourceDirs(rootDir)) {
    if ((await newestMtime(dir)) > built.mtimeMs) return true;
  }
  return false;
}

/**
 * Runs vite's build with the renderer team's config (renderer/vite.config.ts).
 * Without that file, an equivalent inline config is used so a build still works.
 */
export async function buildRenderer({ rootDir }: RendererPaths): Promise<void> {
  const { build } = await import('vite');
  const configFile = join(rootDir, 'renderer', 'vite.config.ts');
  if (existsSync(configFile)) {
    await build({ configFile, logLevel: 'warn' });
    return;
  }
  const { default: react } = await import('@vitejs/plugin-react');
  await build({
    configFile: false,
    root: join(rootDir, 'renderer'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: {
      outDir: rendererOutDir(rootDir),
      emptyOutDir: true,
      modulePreload: { polyfill: false },
    },
  });
}

/** Builds only when needed; resolves to true if it built. */
export async function ensureRendererBuilt(paths: RendererPaths): Promise<boolean> {
  if (!(await rendererBuildIsStale(paths))) return false;
  await buildRenderer(paths);
  return true;
}
