// Voiding an issued invoice on which nothing is held, with a reason (billing.refund).
import { useState } from 'react';
import type { InvoiceDetail } from '../../../../shared/api/billing';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { useRequest } from '../../lib/useRequest';

export function VoidForm({ id, onDone }: { id: string; onDone(d: InvoiceDetail): void }) {
  const [reason, setReason] = useState('');
  const req = useRequest();
  return (
    <form
      className="subform"
      aria-label="Void the invoice"
      onSubmit={(e) => {
        e.preventDefault();
        void req
          .run(() => api('billing.void', { id, reason }))
          .then((r) => r.ok && onDone(r.value));
      }}
    >
      <h3>Void the invoice</h3>
      <TextField label="Reason for voiding" value={reason} onChange={setReason} />
      <ErrorAlert message={req.failure?.message ?? null} />
      <button type="submit" disabled={req.busy}>
        Void invoice
      </button>
    </form>
  );
}
