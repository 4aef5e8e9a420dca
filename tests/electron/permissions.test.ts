// Permission requests and checks against a fake Session (Electron cannot run in tests).
import { describe, expect, it } from 'vitest';
import { denyAllPermissions } from '../../electron/main/permissions';
import type { PermissionSession } from '../../electron/main/permissions';

describe('permissions', () => {
  it('denies every request and every check', () => {
    const installed: Partial<{
      request: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
      check: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
      device: Parameters<PermissionSession['setDevicePermissionHandler']>[0];
    }> = {};
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (installed.request = h),
      setPermissionCheckHandler: (h) => (installed.check = h),
      setDevicePermissionHandler: (h) => (installed.device = h),
    });
    const { request, check, device } = installed;
    if (!request || !check || !device) throw new Error('a permission handler was not installed');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid']) {
      const answers: boolean[] = [];
      request({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(check({}, permission)).toBe(false);
    }
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});
