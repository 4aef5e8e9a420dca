// The settings store behind both the desktop app (electron-store) and the
// headless modes (conf): both go through validatedSettings, tested here over
// conf with real files. (electron-store itself imports electron, so it cannot
// be loaded in tests.)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfSettings } from '../../electron/core/settings/conf-settings';
import { defaultSettings } from '../../electron/core/settings/settings-store';
import { AppError } from '../../shared/errors';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehrbs-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('settings store', () => {
  it('starts with the defaults (idle lock after 5 minutes)', () => {
    const settings = openConfSettings(dir);
    expect(settings.get('idleLockMinutes')).toBe(5);
    expect(settings.get('syncServerUrl')).toBeNull();
  });

  it('keeps values in settings.json in the data directory', async () => {
    openConfSettings(dir).set('syncServerUrl', 'https://sync.clinic.example');
    openConfSettings(dir).set('idleLockMinutes', 15);
    const reopened = openConfSettings(dir);
    expect(reopened.get('syncServerUrl')).toBe('https://sync.clinic.example');
    expect(reopened.get('idleLockMinutes')).toBe(15);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      idleLockMinutes: 15,
    });
  });

  it('refuses an invalid value and keeps the old one', () => {
    const settings = openConfSettings(dir);
    expect(() => settings.set('idleLockMinutes', 0)).toThrow(AppError);
    expect(() => settings.set('syncServerUrl', 'not a url')).toThrow(/syncServerUrl/);
    expect(settings.get('idleLockMinutes')).toBe(5);
  });

  it('reads a hand-edited bad value as its default, keeping the good ones', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ idleLockMinutes: 'ten', lastUserEmail: 'front@clinic.example' }),
    );
    const settings = openConfSettings(dir);
    expect(settings.get('idleLockMinutes')).toBe(defaultSettings.idleLockMinutes);
    expect(settings.get('lastUserEmail')).toBe('front@clinic.example');
  });

  it('starts with defaults when the file is not JSON at all', async () => {
    await writeFile(join(dir, 'settings.json'), '{ this is not json');
    expect(openConfSettings(dir).get('idleLockMinutes')).toBe(5);
  });
});
