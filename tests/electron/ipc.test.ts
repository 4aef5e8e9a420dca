// IPC sender checks and the handlers that call the core, against a fake
// ipcMain and fake frames (Electron cannot run in tests). The dispatch is a
// plain function standing in for the core, which has its own tests.
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/api/channels';
import type { ApiResult } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import type { Dispatch } from '../../electron/core/api/dispatch';
import { registerIpcHandlers } from '../../electron/main/ipc-handlers';
import type { InvokeEvent, IpcRegistry } from '../../electron/main/ipc-handlers';
import { isTrustedSender } from '../../electron/main/ipc-sender';

const mainFrame = { url: 'app://ehrbs/index.html#/patients', parent: null };

describe('IPC sender check', () => {
  it('accepts the main frame of our app page', () => {
    expect(isTrustedSender(mainFrame)).toBe(true);
  });

  it('refuses sub-frames, other origins and vanished frames', () => {
    expect(isTrustedSender({ url: 'app://ehrbs/index.html', parent: mainFrame })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://ehrbs.evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://ehrbs:8080/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

function fakeIpc() {
  const handlers = new Map<string, (event: InvokeEvent, request: unknown) => Promise<unknown>>();
  const ipc: IpcRegistry = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = (
    channel: string,
    request: unknown,
    frame: InvokeEvent['senderFrame'] = mainFrame,
  ) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame }, request) as Promise<ApiResult<unknown>>;
  };
  return { ipc, handlers, invoke };
}

describe('IPC handlers', () => {
  it('registers api:<name> for every channel of the contract, and removes them', () => {
    const { ipc, handlers } = fakeIpc();
    const dispose = registerIpcHandlers(ipc, async () => ({ ok: true, value: null }), {
      refusedSender: () => {},
    });
    expect([...handlers.keys()].sort()).toEqual(channelNames.map((n) => `api:${n}`).sort());
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('passes the request to dispatch and returns its ApiResult', async () => {
    const seen: unknown[] = [];
    const dispatch: Dispatch = async (channel, request) => {
      seen.push([channel, request]);
      return { ok: true, value: { state: 'needs_setup' } };
    };
    const { ipc, invoke } = fakeIpc();
    registerIpcHandlers(ipc, dispatch, { refusedSender: () => {} });
    await expect(invoke('api:setup.status', {})).resolves.toEqual({
      ok: true,
      value: { state: 'needs_setup' },
    });
    expect(seen).toEqual([['setup.status', {}]]);
  });

  it('refuses a call from a sub-frame without calling dispatch', async () => {
    let called = false;
    const refused: string[] = [];
    const { ipc, invoke } = fakeIpc();
    registerIpcHandlers(
      ipc,
      async () => {
        called = true;
        return { ok: true, value: null };
      },
      { refusedSender: (channel) => refused.push(channel) },
    );
    const sub = { url: 'app://ehrbs/index.html', parent: mainFrame };
    const result = await invoke('api:setup.status', {}, sub);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(called).toBe(false);
    expect(refused).toEqual(['setup.status']);
  });

  it('keeps a typed error message but never leaks an unexpected one', async () => {
    const { ipc, invoke } = fakeIpc();
    let failure: unknown = new AppError('WRONG_PASSWORD', 'The password is not right.');
    const dispatch: Dispatch = async () => {
      throw failure;
    };
    registerIpcHandlers(ipc, dispatch, { refusedSender: () => {} });
    await expect(invoke('api:setup.status', {})).resolves.toEqual({
      ok: false,
      error: { code: 'WRONG_PASSWORD', message: 'The password is not right.', issues: [] },
    });
    failure = new Error('SQLITE_CONSTRAINT: patients.mrn = MRN-0042 (Jane Doe)');
    const result = await invoke('api:setup.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('Jane');
    expect(JSON.stringify(result)).not.toContain('SQLITE');
  });
});
