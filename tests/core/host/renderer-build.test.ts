// When `npm start` / `npm run web` rebuild the renderer: only when the build
// is missing or older than the renderer's or shared/ sources. (The build
// itself is vite's; it runs in `npm run build` and the end-to-end suite.)
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rendererBuildIsStale } from '../../../electron/core/host/renderer-build';

let rootDir: string;
const at = (path: string, secondsAgo: number) => {
  const t = new Date(Date.now() - secondsAgo * 1000);
  return utimes(path, t, t);
};

beforeEach(async () => {
  rootDir = await mkdtemp(join(tmpdir(), 'ehrbs-build-'));
  await mkdir(join(rootDir, 'renderer', 'src'), { recursive: true });
  await mkdir(join(rootDir, 'shared'), { recursive: true });
  await writeFile(join(rootDir, 'renderer', 'src', 'main.tsx'), 'export {}');
  await writeFile(join(rootDir, 'shared', 'errors.ts'), 'export {}');
  await at(join(rootDir, 'renderer', 'src', 'main.tsx'), 100);
  await at(join(rootDir, 'shared', 'errors.ts'), 100);
});
afterEach(() => rm(rootDir, { recursive: true, force: true }));

async function build(secondsAgo: number): Promise<void> {
  await mkdir(join(rootDir, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(rootDir, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  await at(join(rootDir, 'dist', 'renderer', 'index.html'), secondsAgo);
}

describe('renderer build freshness', () => {
  it('builds when there is no build yet', async () => {
    expect(await rendererBuildIsStale({ rootDir })).toBe(true);
  });

  it('reuses a build newer than every source', async () => {
    await build(10);
    expect(await rendererBuildIsStale({ rootDir })).toBe(false);
  });

  it('rebuilds after a renderer or shared/ source changed', async () => {
    await build(50);
    expect(await rendererBuildIsStale({ rootDir })).toBe(false);
    await at(join(rootDir, 'shared', 'errors.ts'), 5);
    expect(await rendererBuildIsStale({ rootDir })).toBe(true);
  });

  it('ignores node_modules inside the renderer folder', async () => {
    await build(50);
    await mkdir(join(rootDir, 'renderer', 'node_modules', 'x'), { recursive: true });
    await writeFile(join(rootDir, 'renderer', 'node_modules', 'x', 'index.js'), '');
    expect(await rendererBuildIsStale({ rootDir })).toBe(false);
  });
});
