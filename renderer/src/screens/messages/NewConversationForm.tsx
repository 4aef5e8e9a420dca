// A new conversation: to one or several colleagues or to a role's shared
// inbox, optionally about a patient (found with the patient search), urgent or not.
import { useState } from 'react';
import type { PatientSummary } from '../../../../shared/api/patients';
import type { InboxRole } from '../../../../shared/domain/message';
import { MAX_BODY } from '../../../../shared/messaging/labels';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { roleLabel } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { PatientPicker } from '../schedule/PatientPicker';
import { recipientsOf } from './messages-model';

export function NewConversationForm({ onSent }: { onSent(conversationId: string): void }) {
  const recipients = useLoaded('recipients', () => api('messages.recipients', {}));
  const [mode, setMode] = useState<'users' | 'role'>('users');
  const [userIds, setUserIds] = useState<string[]>([]);
  const [role, setRole] = useState<InboxRole | ''>('');
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [aboutPatient, setAboutPatient] = useState(false);
  const [body, setBody] = useState('');
  const [urgent, setUrgent] = useState(false);
  const req = useRequest();

  const submit = async () => {
    const to = recipientsOf(mode === 'users' ? { mode, userIds } : { mode, role });
    if (!to.ok) return req.refuse(to.message);
    if (body.trim() === '') return req.refuse('Write a message.');
    const r = await req.run(() =>
      api('messages.start', {
        to: to.to,
        body,
        urgent,
        patientId: aboutPatient ? (patient?.id ?? null) : null,
      }),
    );
    if (r.ok) onSent(r.value.conversationId);
  };

  const toggle = (id: string, on: boolean) =>
    setUserIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <form
      className="new-message"
      aria-labelledby="new-message-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ScreenHeading level={2} id="new-message-title">
        New message
      </ScreenHeading>
      <ErrorAlert message={recipients.failure?.message ?? null} />
      <fieldset>
        <legend>Send to</legend>
        <label>
          <input
            type="radio"
            name="recipient-mode"
            checked={mode === 'users'}
            onChange={() => setMode('users')}
          />{' '}
          Colleagues
        </label>
        <label>
          <input
            type="radio"
            name="recipient-mode"
            checked={mode === 'role'}
            onChange={() => setMode('role')}
          />{' '}
          A shared inbox
        </label>
      </fieldset>
      {mode === 'users' ? (
        <fieldset className="new-message__people">
          <legend>Colleagues</legend>
          {(recipients.value?.users ?? []).map((u) => (
            <label key={u.id}>
              <input
                type="checkbox"
                checked={userIds.includes(u.id)}
                onChange={(e) => toggle(u.id, e.target.checked)}
              />{' '}
              {u.displayName} <span className="muted">({roleLabel(u.role)})</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="field">
          <label htmlFor="new-message-role">Shared inbox</label>
          <select
            id="new-message-role"
            value={role}
            onChange={(e) => setRole(e.target.value as InboxRole | '')}
          >
            <option value="">Choose…</option>
            {(recipients.value?.roles ?? []).map((r) => (
              <option key={r.role} value={r.role}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field field--check">
        <label>
          <input
            type="checkbox"
            checked={aboutPatient}
            onChange={(e) => setAboutPatient(e.target.checked)}
          />{' '}
          About a patient
        </label>
      </div>
      {aboutPatient && <PatientPicker selected={patient} onSelect={setPatient} />}
      <div className="field">
        <label htmlFor="new-message-body">Message</label>
        <textarea
          id="new-message-body"
          rows={5}
          maxLength={MAX_BODY}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <div className="field field--check">
        <label>
          <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />{' '}
          Urgent
        </label>
      </div>
      <ErrorAlert message={req.failure?.message ?? null} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={req.busy}>
          {req.busy ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
