// After the core refuses a clash (SLOT_TAKEN): its message, and the explicit
// choice to overbook anyway with a reason, which the core audits.
import { useState } from 'react';
import { TextField } from '../../components/TextField';

interface Props {
  busy: boolean;
  onConfirm(reason: string): void;
}

export function OverbookPrompt({ busy, onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Overbook with a reason
      </button>
    );
  }
  return (
    <div className="overbook">
      <TextField
        label="Reason for overbooking"
        value={reason}
        onChange={setReason}
        error={error}
        hint="Recorded in the audit log."
        autoFocus
      />
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => {
          if (reason.trim().length < 3) setError('Give a reason (at least 3 characters)');
          else onConfirm(reason.trim());
        }}
      >
        Overbook
      </button>
    </div>
  );
}
