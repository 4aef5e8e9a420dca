// Instant search: every keystroke searches at once. A fixed pause (it was
// 100 ms) added its whole length to every search, the core answers a prefix
// of 100,000 patients in tens of ms, and the store sends only the newest query
// while one is running, so fast typing costs no backlog. Arrow Down moves
// into the results.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { usePatients } from '../../stores/patients-store';

/** Only merges changes made in the same task (e.g. a paste), never delays a keystroke. */
const DEBOUNCE_MS = 0;

interface Props {
  listId: string;
  onEnterList(): void;
}

export function PatientSearchBox({ listId, onEnterList }: Props) {
  const { query, search } = usePatients();
  const [text, setText] = useState(query);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (text === usePatients.getState().query) return;
    const timer = window.setTimeout(() => void search(text), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, search]);

  // The search box is where work on this screen starts, so it takes focus on arrival.
  useEffect(() => inputRef.current?.focus(), []);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      onEnterList();
    }
  };

  return (
    <div className="field search-field">
      <label htmlFor="patient-search">Search patients</label>
      <p className="field__hint" id="patient-search-hint">
        Name, medical record number or phone. Arrow Down moves to the results.
      </p>
      <input
        ref={inputRef}
        id="patient-search"
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby="patient-search-hint"
        aria-controls={listId}
      />
    </div>
  );
}
