// The visit note of one appointment, SOAP sections. The draft lives on this
// workstation only (encrypted by the core) and is saved a second after typing
// pauses, at least every 4 s while typing goes on, and when the doctor leaves
// (navigation, hiding or closing the window), so a lock, a crash or a power cut
// loses at most the last few seconds. "Complete visit" offers to sign.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftContent } from '../../../../shared/api/records';
import type { SessionInfo } from '../../../../shared/api/session';
import { NoteContent } from '../../../../shared/charting/content';
import { api, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextAreaField } from '../../components/TextAreaField';
import { formatInstant } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { validate } from '../../lib/validation';
import { useNav } from '../../stores/nav-store';
import { flushBeforeLock } from '../../stores/before-lock';
import { draftDue, emptyDraft, noteFromDraft } from './chart-model';
import { chartHref } from './route';

interface Props {
  session: SessionInfo;
  patientId: string;
  appointmentId: string;
  onSaved(): void;
}

const sections = [
  ['subjective', 'Subjective'],
  ['objective', 'Objective'],
  ['assessment', 'Assessment'],
  ['plan', 'Plan'],
] as const;

interface Timing {
  dirty: boolean;
  lastEditAt: number;
  lastSavedAt: number;
}

/** After a keystroke: dirty, and the 4 s clock starts at the first edit since a save. */
function edited(t: Timing): Timing {
  const now = Date.now();
  return { dirty: true, lastEditAt: now, lastSavedAt: t.dirty ? t.lastSavedAt : now };
}

export function VisitNote({ session, patientId, appointmentId, onSaved }: Props) {
  const go = useNav((s) => s.go);
  const [draft, setDraft] = useState<DraftContent | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [completing, setCompleting] = useState(false);
  const finish = useRequest();
  const key = { patientId, appointmentId };
  const latest = useRef<DraftContent | null>(null);
  const timing = useRef<Timing>({ dirty: false, lastEditAt: 0, lastSavedAt: 0 });

  useEffect(() => {
    let live = true;
    api('drafts.load', { patientId, appointmentId }).then(
      (d) => {
        if (!live) return;
        latest.current = d?.content ?? emptyDraft;
        setDraft(latest.current);
        setSavedAt(d?.savedAt ?? null);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [patientId, appointmentId]);

  const save = useCallback((): Promise<void> => {
    const content = latest.current;
    if (!content || !timing.current.dirty) return Promise.resolve();
    timing.current = { ...timing.current, dirty: false, lastSavedAt: Date.now() };
    return api('drafts.save', { patientId, appointmentId, content }).then(
      (r) => setSavedAt(r.savedAt),
      (e: unknown) => {
        timing.current.dirty = true;
        setError(errorMessage(e));
      },
    );
  }, [patientId, appointmentId]);

  // The autosave clock, and a last save when the doctor leaves the note or the window.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (draftDue({ ...timing.current, now: Date.now() })) void save();
    }, 500);
    const onHide = () => void save();
    const onVisibility = () => document.visibilityState === 'hidden' && void save();
    // Lock, logout and the idle lock await this save before the core locks (stores/before-lock.ts).
    const unregister = flushBeforeLock(save);
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      unregister();
      void save();
    };
  }, [save]);

  const edit = (k: keyof DraftContent, text: string) => {
    const next = { ...(latest.current ?? emptyDraft), [k]: text };
    latest.current = next;
    timing.current = edited(timing.current);
    setDraft(next);
  };

  const complete = async (sign: boolean) => {
    const content = noteFromDraft(latest.current ?? emptyDraft, appointmentId);
    const checked = validate(NoteContent, content);
    if (!checked.ok) {
      finish.refuse(checked.errors['text'] ?? 'Write the note before completing the visit.');
      return;
    }
    const r = await finish.run(async () => {
      await api('records.create', { patientId, recordType: 'note', content: checked.value, sign });
      timing.current.dirty = false;
      await api('drafts.discard', key);
      // The visit may already be completed at the desk: the note is saved either way.
      await api('appointments.setStatus', { id: appointmentId, status: 'completed' }).catch(
        () => undefined,
      );
    });
    if (r.ok) {
      onSaved();
      go(chartHref(patientId));
    }
  };

  return (
    <section className="visit-note" aria-labelledby="visit-title">
      <h2 id="visit-title">Visit note</h2>
      <ErrorAlert message={error} />
      {draft === null ? (
        <p role="status">Opening the draft…</p>
      ) : (
        <>
          {sections.map(([k, label]) => (
            <TextAreaField
              key={k}
              label={label}
              rows={4}
              value={draft[k]}
              onChange={(text) => edit(k, text)}
            />
          ))}
          <p className="visit-note__saved" role="status">
            {savedAt
              ? `Draft saved ${formatInstant(savedAt, session.tenant.timeZone)}`
              : 'Not saved yet'}
          </p>
          <ErrorAlert message={finish.failure?.message ?? null} />
          {completing ? (
            <div className="visit-note__complete" role="group" aria-label="Complete visit">
              <p>Sign the note now? A signed note can no longer be changed, only amended.</p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={finish.busy}
                  onClick={() => void complete(true)}
                >
                  Sign and complete
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={finish.busy}
                  onClick={() => void complete(false)}
                >
                  Complete without signing
                </button>
                <button type="button" className="button" onClick={() => setCompleting(false)}>
                  Keep writing
                </button>
              </div>
            </div>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  void save();
                  setCompleting(true);
                }}
              >
                Complete visit
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
