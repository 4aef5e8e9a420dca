// A one-time code for a new workstation. It is shown once (it is not kept
// anywhere: leaving the screen forgets it), with its expiry, and can be
// copied or cancelled (the server then refuses it). It carries the secret that unlocks the clinic key on the new
// workstation, so it is typed or pasted there, never sent anywhere else.
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';

interface Code {
  code: string;
  expiresAt: string;
}

export function EnrollmentCode({ timeZone }: { timeZone: string }) {
  const [code, setCode] = useState<Code | null>(null);
  const { busy, failure, run } = useRequest();
  const [copied, setCopied] = useState('');
  const input = useRef<HTMLInputElement>(null);

  async function create() {
    setCopied('');
    const created = await run(() => api('sync.enrollmentCode', {}));
    if (created.ok) setCode(created.value);
  }

  async function cancel(c: Code) {
    setCopied('');
    const done = await run(() => api('sync.cancelEnrollmentCode', { code: c.code }));
    if (done.ok) {
      setCode(null);
      setCopied('The code was cancelled: it can no longer add a workstation.');
    }
  }

  async function copy(text: string) {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Code copied.');
    } catch {
      setCopied('Copying was not allowed: the code is selected, press Ctrl+C to copy it.');
    }
  }

  return (
    <div className="enrollment">
      <h3>Add a workstation</h3>
      <p className="field__hint">
        On the new computer choose “Join an existing clinic” and enter the server’s address and
        fingerprint and this code. A code works once.
      </p>
      <ErrorAlert message={failure?.message ?? null} />
      {code && (
        <div className="enrollment__code">
          <label htmlFor="enrollment-code">One-time code</label>
          <input
            id="enrollment-code"
            ref={input}
            readOnly
            value={code.code}
            spellCheck={false}
            onFocus={(e) => e.target.select()}
          />
          <p>Expires {formatInstant(code.expiresAt, timeZone)}.</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void copy(code.code)}>
              Copy code
            </button>
            <button type="button" className="button button--quiet" onClick={() => setCode(null)}>
              Hide code
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => void cancel(code)}
            >
              Cancel this code
            </button>
          </div>
        </div>
      )}
      <p role="status" className="status-note">
        {copied}
      </p>
      <button type="button" className="button" disabled={busy} onClick={() => void create()}>
        {busy ? 'Creating a code…' : 'New workstation code'}
      </button>
    </div>
  );
}
