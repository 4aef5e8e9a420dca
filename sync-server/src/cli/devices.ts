// `ehrbs-sync-server devices list|revoke`. Works while the server runs: the
// store is the only state, so a revocation takes effect on the next request.
import { openStore } from '../store/open-store';
import { UsageError, requireStore, type CliArgs } from './args';

export async function devices(args: CliArgs): Promise<void> {
  const [, action, deviceId, ...rest] = args.positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
  const store = await openStore(requireStore(args));
  try {
    if (action === 'list') {
      const list = await store.listDevices();
      if (list.length === 0) {
        process.stdout.write('No workstations are enrolled.\n');
        return;
      }
      const header = ['DEVICE', 'CLINIC (TENANT)', 'NAME', 'ENROLLED', 'STATUS'];
      const rows = list.map((d) => [
        d.id,
        d.tenantId,
        d.name,
        d.createdAt,
        d.revokedAt ? `revoked ${d.revokedAt}` : 'active',
      ]);
      const widths = header.map((h, i) =>
        Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
      );
      const format = (r: string[]) =>
        r
          .map((c, i) => c.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd();
      process.stdout.write(`${[header, ...rows].map(format).join('\n')}\n`);
    } else if (action === 'revoke') {
      if (!deviceId) throw new UsageError('devices revoke needs a DEVICE_ID (see devices list)');
      if (!(await store.revokeDevice(deviceId, new Date().toISOString()))) {
        throw new Error(`no workstation with id ${deviceId}`);
      }
      process.stdout.write(
        `Workstation ${deviceId} is revoked; its next request will be refused.\n`,
      );
    } else {
      throw new UsageError('devices needs "list" or "revoke DEVICE_ID"');
    }
  } finally {
    await store.close();
  }
}
