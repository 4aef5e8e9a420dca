// Which sync server, as its first start printed it: its address and the CA
// fingerprint this workstation pins, then a secret of the form's own (the
// server's admin token, or a one-time code) and this workstation's name.
// Shared by Admin → Sync (connect) and first run (join an existing clinic).
import type { ReactNode } from 'react';
import type { FieldProps } from '../lib/useSchemaForm';
import { TextField } from './TextField';

/** The values every server form starts from (https:// typed for them). */
export const serverTargetBlank = { serverUrl: 'https://', fingerprint: '', deviceName: '' };

interface Props {
  field(name: 'serverUrl' | 'fingerprint' | 'deviceName'): FieldProps;
  /** The form's own secret field, between the server's fields and the name. */
  children: ReactNode;
  /** How this workstation may be named, e.g. "Front desk". */
  deviceExample: string;
  autoFocus?: boolean;
}

export function ServerTargetFields({ field, children, deviceExample, autoFocus }: Props) {
  return (
    <>
      <TextField
        label="Server address"
        type="url"
        autoComplete="url"
        autoFocus={autoFocus}
        hint="For example https://sync.clinic.example:8443"
        {...field('serverUrl')}
      />
      <TextField
        label="Server fingerprint"
        autoComplete="off"
        spellCheck={false}
        hint="The SHA-256 fingerprint the server printed (AB:CD:…)."
        {...field('fingerprint')}
      />
      {children}
      <TextField
        label="Workstation name"
        autoComplete="off"
        hint={`How this computer appears in the list of workstations, e.g. ${deviceExample}.`}
        {...field('deviceName')}
      />
    </>
  );
}
