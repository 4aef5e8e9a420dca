// The preload as it runs in Electron's sandbox: bundled to one CommonJS file
// and evaluated with only `require('electron')` available. Electron cannot
// run in tests, so contextBridge and ipcRenderer are fakes that record calls.
import { build } from 'esbuild';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/api/channels';

type Exposed = Record<string, (request?: unknown) => Promise<unknown>>;

let exposed: { key: string; api: Exposed }[] = [];
let inputs: string[] = [];
let invoked: unknown[][] = [];

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(import.meta.dirname, '../../electron/preload/preload.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'silent',
    metafile: true,
  });
  inputs = Object.keys(result.metafile.inputs);
  const code = result.outputFiles[0]?.text ?? '';
  const fakeElectron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Exposed) => exposed.push({ key, api }),
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: 'from main' };
      },
    },
  };
  const require = (name: string): unknown => {
    // A sandboxed preload can require nothing but electron (and a few polyfills).
    if (name !== 'electron') throw new Error(`sandboxed preload cannot require ${name}`);
    return fakeElectron;
  };
  exposed = [];
  invoked = [];
  runInNewContext(code, { require, module: { exports: {} }, exports: {} });
});

describe('preload', () => {
  it('exposes window.ehrbs with one function per contract channel, and the desktop calls, and nothing else', () => {
    expect(exposed.map((e) => e.key)).toEqual(['ehrbs', 'ehrbsDesktop']);
    const api = exposed[0]?.api ?? {};
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards exactly one request argument to api:<channel> and returns the answer', async () => {
    const api = exposed[0]?.api ?? {};
    const search = api['patients.search'];
    if (!search) throw new Error('patients.search is not exposed');
    const extra = search as (...args: unknown[]) => Promise<unknown>;
    await expect(extra({ query: 'smi' }, 'smuggled')).resolves.toEqual({
      ok: true,
      value: 'from main',
    });
    expect(invoked).toEqual([['api:patients.search', { query: 'smi' }]]);
  });

  it('takes only types from the desktop schemas (build.js keeps zod out of the real bundle)', () => {
    expect(inputs.some((i) => i.endsWith('shared/api/desktop-bridge.ts'))).toBe(true);
    expect(inputs.filter((i) => /shared\/api\/desktop\.ts$/.test(i))).toEqual([]);
  });

  it('window.ehrbsDesktop forwards exactly one request to desktop:saveBackupAs', async () => {
    const desktop = exposed[1]?.api ?? {};
    expect(Object.keys(desktop)).toEqual(['saveBackupAs']);
    expect(Object.isFrozen(desktop)).toBe(true);
    invoked = [];
    const save = desktop['saveBackupAs'] as (...args: unknown[]) => Promise<unknown>;
    await save({ fileName: 'a.ehrbs-backup' }, 'smuggled');
    expect(invoked).toEqual([['desktop:saveBackupAs', { fileName: 'a.ehrbs-backup' }]]);
  });
});
