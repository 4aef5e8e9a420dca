// `npm run build`: everything the desktop app runs, in dist/.
// - dist/renderer: the renderer, built by vite (renderer/vite.config.ts);
// - dist/electron/main.js: the main process and the app core, one ES module;
// - dist/electron/preload.cjs: the preload, one CommonJS file (a sandboxed
//   preload can neither load ES modules nor require node_modules).
import { build } from 'esbuild';
import { register } from 'tsx/esm/api';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(rootDir, 'dist', 'electron');

// Native modules are loaded from node_modules at run time (electron-builder
// unpacks them from the asar); they cannot be bundled.
const nativeModules = ['better-sqlite3-multiple-ciphers'];

// The renderer build logic lives with the browser host (which builds on start
// when stale); tsx lets this plain-JS script reuse it.
register();
const { buildRenderer } = await import('../electron/core/host/renderer-build.ts');
const { channelNames } = await import('../shared/api/channels.ts');

// The preload needs only the channel names, but shared/api/channels.ts also
// builds every zod schema; substituting the computed list keeps zod (~450 KB)
// out of a file parsed on every window load.
const channelListOnly = {
  name: 'channel-list-only',
  setup(b) {
    b.onResolve({ filter: /\/shared\/api\/channels$/ }, (args) => ({
      path: args.path,
      namespace: 'channel-list',
    }));
    b.onLoad({ filter: /.*/, namespace: 'channel-list' }, () => ({
      contents: `export const channelNames = ${JSON.stringify(channelNames)};`,
      loader: 'js',
    }));
  },
};

const started = Date.now();
await buildRenderer({ rootDir });

await build({
  entryPoints: [join(rootDir, 'electron', 'main', 'main.ts')],
  outfile: join(outDir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Electron 45 runs Node 22 or later.
  target: 'node22',
  external: ['electron', ...nativeModules],
  // Bundled CommonJS dependencies call require(); an ES module has none.
  banner: {
    js: "import { createRequire as __ehrbsCreateRequire } from 'node:module'; const require = __ehrbsCreateRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});

await build({
  entryPoints: [join(rootDir, 'electron', 'preload', 'preload.ts')],
  outfile: join(outDir, 'preload.cjs'),
  bundle: true,
  // The sandboxed preload gets a browser-like environment plus `require('electron')`.
  platform: 'browser',
  format: 'cjs',
  target: 'chrome130',
  external: ['electron'],
  plugins: [channelListOnly],
  logLevel: 'warning',
});

console.log(
  `build: dist/renderer, dist/electron/main.js, dist/electron/preload.cjs (${Date.now() - started} ms)`,
);
