// Builds the renderer into dist/renderer. `base: './'` makes every asset URL
// relative, so the same build works from http://127.0.0.1 (browser host) and
// from the app:// protocol (Electron). No inline scripts: the CSP is script-src 'self'.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The folder of this file, without node:path (the renderer's tsconfig has no Node types).
const here = decodeURIComponent(new URL('.', import.meta.url).pathname).replace(
  /^\/([A-Za-z]:)/,
  '$1',
);

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Keep the module preload polyfill out: it would be an inline script.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});
