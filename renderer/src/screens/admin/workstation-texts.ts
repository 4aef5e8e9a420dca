// What Admin says about a workstation: its status cell and, after a
// revocation, what the clinic keeps of its work and what is lost.
import type { WorkstationView } from '../../../../shared/api/workstations';

type Format = (iso: string) => string;

export function workstationStatus(w: WorkstationView, format: Format): string {
  if (w.status === 'revoked') return `Revoked${w.revokedAt ? ` ${format(w.revokedAt)}` : ''}`;
  return w.thisWorkstation ? 'Active (this workstation)' : 'Active';
}

export const pendingText = (w: WorkstationView): string =>
  w.pendingChanges === null ? 'Not known here' : String(w.pendingChanges);

/** After a revocation: the server's record of its last sync is all that reached the clinic. */
export function revokedNotice(w: WorkstationView, format: Format): string {
  const held =
    w.auditEntriesHeld === 1 ? '1 audited action' : `${w.auditEntriesHeld} audited actions`;
  const kept = w.lastSyncAt
    ? `The clinic keeps what it sent up to its last sync, ${format(w.lastSyncAt)} (${held}).`
    : `It never synced, so nothing it did reached the clinic (${held} on the server).`;
  return `${w.name} is revoked: the sync server refuses it from now on. ${kept} Any changes made on it after that were not synced and are lost.`;
}
