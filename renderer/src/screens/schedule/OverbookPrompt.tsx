// After the core refuses a clash (SLOT_TAKEN): the explicit choice to overbook
// anyway with a reason, which the core audits. The parent sends it and shows
// what the core answers.
import { useState } from 'react';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { ReasonRequest, reasonMessages } from './reason';
import { SubmitButton } from '../../components/SubmitButton';

interface Props {
  busy: boolean;
  onConfirm(reason: string): Promise<void>;
}

export function OverbookPrompt({ busy, onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const form = useSchemaForm({
    initial: { reason: '' },
    schema: ReasonRequest,
    messages: reasonMessages,
    refusal: () => null,
    send: ({ reason }) => onConfirm(reason),
  });
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Overbook with a reason
      </button>
    );
  }
  return (
    <div className="overbook" id={form.id}>
      <TextField
        label="Reason for overbooking"
        hint="Recorded in the audit log."
        autoFocus
        {...form.field('reason')}
      />
      <SubmitButton form={form} type="button" disabled={busy}>
        Overbook
      </SubmitButton>
    </div>
  );
}
