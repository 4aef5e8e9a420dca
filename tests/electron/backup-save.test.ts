// "Back up now" on the desktop, without the dialog (Electron cannot run in
// tests; the dialog is a stand-in returning a path or null): the copy goes to
// the chosen path atomically (audited first), with real files in a temporary folder;
// cancelling copies nothing; only backups the core lists can be copied; a
// failed copy leaves neither a partial file nor a temporary one, and says so
// without a path; the IPC handler refuses other frames.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/api/backups';
import type { ApiResult } from '../../shared/api/contract';
import { desktopIpc } from '../../shared/api/desktop-bridge';
import {
  copyFileAtomic,
  registerDesktopHandlers,
  saveBackupAs,
  type SaveBackupDeps,
} from '../../electron/main/backup-save';
import type { InvokeEvent, IpcRegistry } from '../../electron/main/ipc-handlers';

let dir: string;
let backup: BackupInfo;
const CONTENT = Buffer.from('encrypted backup bytes '.repeat(5000));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ehrbs-backup-save-'));
  mkdirSync(join(dir, 'backups'));
  mkdirSync(join(dir, 'usb'));
  const fileName = 'harbour-2026-12-03T1130Z.ehrbs-backup';
  const path = join(dir, 'backups', fileName);
  writeFileSync(path, CONTENT);
  backup = { fileName, path, bytes: CONTENT.length, createdAt: '2026-12-03T11:30:00.000Z' };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const listed = async (): Promise<ApiResult<BackupInfo[]>> => ({ ok: true, value: [backup] });

function deps(answer: string | null): SaveBackupDeps & { asked: string[]; audited: string[] } {
  const asked: string[] = [];
  const audited: string[] = [];
  return {
    asked,
    audited,
    list: listed,
    audit: async (fileName) => {
      audited.push(fileName);
      return { ok: true, value: { ok: true } };
    },
    askWhere: async (defaultName) => {
      asked.push(defaultName);
      return answer;
    },
  };
}

describe('copyFileAtomic', () => {
  it('copies the bytes to the target and leaves no temporary file', async () => {
    const target = join(dir, 'usb', 'copy.ehrbs-backup');
    await copyFileAtomic(backup.path, target);
    expect(readFileSync(target).equals(CONTENT)).toBe(true);
    expect(readdirSync(join(dir, 'usb'))).toEqual(['copy.ehrbs-backup']);
  });

  it('replaces an older file of the same name whole', async () => {
    const target = join(dir, 'usb', 'copy.ehrbs-backup');
    writeFileSync(target, 'older backup');
    await copyFileAtomic(backup.path, target);
    expect(readFileSync(target).equals(CONTENT)).toBe(true);
  });

  it('on failure leaves the target as it was and no temporary file', async () => {
    const target = join(dir, 'usb', 'copy.ehrbs-backup');
    writeFileSync(target, 'older backup');
    await expect(copyFileAtomic(join(dir, 'backups', 'missing'), target)).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('older backup');
    expect(readdirSync(join(dir, 'usb'))).toEqual(['copy.ehrbs-backup']);
  });
});

describe('saveBackupAs', () => {
  it('asks with the backup’s file name and copies it where chosen; the backup stays', async () => {
    const target = join(dir, 'usb', 'chosen.ehrbs-backup');
    const d = deps(target);
    expect(await saveBackupAs(d, { fileName: backup.fileName })).toEqual({
      ok: true,
      value: { savedTo: target },
    });
    expect(d.asked).toEqual([backup.fileName]);
    expect(d.audited).toEqual([backup.fileName]);
    expect(readFileSync(target).equals(CONTENT)).toBe(true);
    expect(readFileSync(backup.path).equals(CONTENT)).toBe(true);
  });

  it('cancelled: nothing is copied or audited, the backup stays in backups/', async () => {
    const d = deps(null);
    expect(await saveBackupAs(d, { fileName: backup.fileName })).toEqual({
      ok: true,
      value: { savedTo: null },
    });
    expect(d.audited).toEqual([]);
    expect(readdirSync(join(dir, 'usb'))).toEqual([]);
    expect(readdirSync(join(dir, 'backups'))).toEqual([backup.fileName]);
  });

  it('choosing the backup itself copies nothing and keeps it whole', async () => {
    expect(await saveBackupAs(deps(backup.path), { fileName: backup.fileName })).toEqual({
      ok: true,
      value: { savedTo: backup.path },
    });
    expect(readFileSync(backup.path).equals(CONTENT)).toBe(true);
    expect(readdirSync(join(dir, 'backups'))).toEqual([backup.fileName]);
  });

  it('copies only a backup the core lists, and never asks for anything else', async () => {
    for (const request of [{ fileName: '../secret' }, { fileName: 'other.ehrbs-backup' }, {}]) {
      const d = deps(join(dir, 'usb', 'x'));
      const res = await saveBackupAs(d, request);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(['VALIDATION_FAILED', 'NOT_FOUND']).toContain(res.error.code);
      expect(d.asked).toEqual([]);
    }
    expect(readdirSync(join(dir, 'usb'))).toEqual([]);
  });

  it('passes on the core’s refusal (no session, no backup.run) without asking', async () => {
    const d = deps(join(dir, 'usb', 'x'));
    d.list = async () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Not allowed.', issues: [] },
    });
    const res = await saveBackupAs(d, { fileName: backup.fileName });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(d.asked).toEqual([]);
  });

  it('a refused audit (the session was locked meanwhile) copies nothing', async () => {
    const d = deps(join(dir, 'usb', 'copy.ehrbs-backup'));
    d.audit = async () => ({
      ok: false,
      error: { code: 'LOCKED', message: 'Unlock first.', issues: [] },
    });
    const res = await saveBackupAs(d, { fileName: backup.fileName });
    expect(res).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(readdirSync(join(dir, 'usb'))).toEqual([]);
  });

  it('a folder that cannot be written says so, without the path, and leaves nothing there', async () => {
    const target = join(dir, 'no-such-folder', 'copy.ehrbs-backup');
    const res = await saveBackupAs(deps(target), { fileName: backup.fileName });
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    if (!res.ok) expect(res.error.message).not.toContain(dir);
    expect(readdirSync(dir).sort()).toEqual(['backups', 'usb']);
  });
});

describe('the desktop IPC handler', () => {
  it('serves our page’s main frame and refuses any other', async () => {
    const handlers = new Map<string, (e: InvokeEvent, r: unknown) => Promise<unknown>>();
    const ipc: IpcRegistry = {
      handle: (channel, listener) => void handlers.set(channel, listener),
      removeHandler: (channel) => void handlers.delete(channel),
    };
    const refused: string[] = [];
    const dispose = registerDesktopHandlers(ipc, deps(null), {
      refusedSender: (c) => refused.push(c),
    });
    const handler = handlers.get(desktopIpc.saveBackupAs);
    if (!handler) throw new Error('not registered');
    const request = { fileName: backup.fileName };
    await expect(
      handler({ senderFrame: { url: 'app://ehrbs/index.html', parent: null } }, request),
    ).resolves.toEqual({ ok: true, value: { savedTo: null } });
    await expect(
      handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, request),
    ).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(refused).toEqual([desktopIpc.saveBackupAs]);
    dispose();
    expect(handlers.size).toBe(0);
  });
});
