// Deny every web permission (camera, microphone, geolocation, notifications,
// clipboard reads, HID/USB/serial, ...): the clinic UI needs none of them, and
// a page that asks is not behaving as ours (Electron security checklist #5).

/** The parts of Electron's Session used here (a fake in tests). */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
