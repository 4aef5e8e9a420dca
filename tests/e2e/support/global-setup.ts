// Builds the renderer once before the suite, so the host serves the code under
// test rather than whatever dist/renderer held from an earlier build.
import { build } from 'vite';
import { resolve } from 'node:path';

export default async function globalSetup(): Promise<void> {
  await build({
    configFile: resolve(import.meta.dirname, '../../../renderer/vite.config.ts'),
    logLevel: 'warn',
  });
}
