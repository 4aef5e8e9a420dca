// A one-time code for a new workstation. It is shown once (it is not kept
// anywhere: leaving the screen forgets it), with its expiry, and can be
// copied. It carries the secret that unlocks the clinic key on the new
// workstation, so it is typed or pasted there, never sent anywhere else.
import { useRef, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../lib/format';

interface Code {
  code: string;
  expiresAt: string;
}

export function EnrollmentCode({ timeZone }: { timeZone: string }) {
  const [code, setCode] = useState<Code | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState('');
  const input = useRef<HTMLInputElement>(null);

  async function create() {
    setBusy(true);
    setFailure(null);
    setCopied('');
    try {
      setCode(await api('sync.enrollmentCode', {}));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
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
      <ErrorAlert message={failure} />
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
          </div>
          <p role="status" className="status-note">
            {copied}
          </p>
        </div>
      )}
      <button type="button" className="button" disabled={busy} onClick={() => void create()}>
        {busy ? 'Creating a code…' : 'New workstation code'}
      </button>
    </div>
  );
}
