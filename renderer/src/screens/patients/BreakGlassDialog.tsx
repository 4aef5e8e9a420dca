// "Break the glass": a modal dialog asking why a sensitive patient is being
// opened. A native modal <dialog> makes the page behind it inert, is labelled
// by its heading, and Escape cancels like the Cancel button; Tab and
// Shift+Tab cycle within it (the browser would otherwise move on to its own
// address bar). The reason goes to the core, which audits it and opens the patient
// for the rest of this session.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { BREAK_GLASS_REASON_MIN } from '../../../../shared/api/sensitive-patients';
import type { Sensitivity } from '../../../../shared/domain/enums';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextAreaField } from '../../components/TextAreaField';
import { useRequest } from '../../lib/useRequest';
import { sensitivityLabels } from './sensitivity-labels';

interface Props {
  patientId: string;
  sensitivity: Sensitivity;
  onOpened(): void;
  onCancel(): void;
}

export function BreakGlassDialog({ patientId, sensitivity, onOpened, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const errorId = useId();
  const [reason, setReason] = useState('');
  const request = useRequest();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const trapTab = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !ref.current) return;
    const focusable = [
      ...ref.current.querySelectorAll<HTMLElement>('textarea, button:not([disabled]), a[href]'),
    ];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < BREAK_GLASS_REASON_MIN) {
      request.refuse(`Give a reason of at least ${BREAK_GLASS_REASON_MIN} characters.`);
      return;
    }
    const res = await request.run(() => api('patients.breakGlass', { patientId, reason }));
    if (res.ok) onOpened();
  };

  return (
    <dialog
      ref={ref}
      className="dialog break-glass"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onKeyDown={trapTab}
      onCancel={(e) => {
        // Escape: leave the patient closed and go back, as Cancel does.
        e.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId}>This patient is sensitive</h2>
        <p id={textId}>
          {sensitivityLabels[sensitivity]}. Opening their record is recorded with your reason, and
          the clinic&apos;s administrators see it.
        </p>
        <TextAreaField
          label="Reason for opening this record"
          value={reason}
          onChange={(v) => {
            setReason(v);
            request.edited();
          }}
          rows={3}
          maxLength={200}
          required
          autoFocus
          aria-invalid={request.failure ? true : undefined}
          aria-describedby={request.failure ? errorId : undefined}
        />
        <ErrorAlert id={errorId} message={request.failure?.message ?? null} />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={request.busy}>
            Open the record
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
