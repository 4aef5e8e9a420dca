// How `npm start` / `npm run web` read their options.
import { describe, expect, it } from 'vitest';
import { parseStartOptions } from '../../../electron/core/host/cli-options';

const cwd = '/home/clinic/ehrbs';

describe('start options', () => {
  it('defaults to Electron, port 5180 and .data/clinic under the current directory', () => {
    expect(parseStartOptions([], {}, cwd)).toEqual({
      web: false,
      port: 5180,
      dataDir: '/home/clinic/ehrbs/.data/clinic',
      passphrase: null,
    });
  });

  it('reads the environment', () => {
    const env = { EHRBS_PORT: '0', EHRBS_DATA: '/srv/clinic', EHRBS_PASSPHRASE: 'correct horse' };
    expect(parseStartOptions([], env, cwd)).toEqual({
      web: false,
      port: 0,
      dataDir: '/srv/clinic',
      passphrase: 'correct horse',
    });
  });

  it('lets arguments override the environment', () => {
    const options = parseStartOptions(
      ['--web', '--port', '6000', '--data=other'],
      { EHRBS_PORT: '7000', EHRBS_DATA: '/srv/clinic' },
      cwd,
    );
    expect(options).toMatchObject({ web: true, port: 6000, dataDir: '/home/clinic/ehrbs/other' });
  });

  it('explains a bad port or an unknown option', () => {
    expect(() => parseStartOptions(['--port', 'http'], {}, cwd)).toThrow(/port must be a number/);
    expect(() => parseStartOptions(['--port', '70000'], {}, cwd)).toThrow(/0 to 65535/);
    expect(() => parseStartOptions(['--verbose'], {}, cwd)).toThrow(/Unknown option --verbose/);
    expect(() => parseStartOptions(['--data'], {}, cwd)).toThrow(/--data needs a value/);
  });
});
