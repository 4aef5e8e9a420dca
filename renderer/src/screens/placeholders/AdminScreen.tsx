// Placeholder until the Admin screen is built; replace this file with the real screen.
import { NotBuiltPanel } from './NotBuiltPanel';

export function AdminScreen() {
  return (
    <NotBuiltPanel title="Admin">
      Users, doctors' availability, workstations, the sync server, backups, the audit log and sync
      conflicts will be managed here.
    </NotBuiltPanel>
  );
}
