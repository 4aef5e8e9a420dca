// ICD-10 codes matching what the doctor typed in the problem form, searched
// offline in the workstation's code list (codes.search, an FTS index in the
// core); choosing one fills the code and description. Each keystroke asks
// again, and an answer for an older query is dropped when a newer one is out.
import { useEffect, useState } from 'react';
import type { Icd10Match } from '../../../../shared/api/codes';
import { api } from '../../api/client';

interface Props {
  query: string;
  onPick(code: string, description: string): void;
}

export function CodeSuggestions({ query, onPick }: Props) {
  const [answer, setAnswer] = useState<{ query: string; items: Icd10Match[] }>({
    query: '',
    items: [],
  });
  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    api('codes.search', { query: query.slice(0, 100), limit: 6 })
      .then((r) => current && setAnswer({ query, items: r.items }))
      .catch(() => current && setAnswer({ query, items: [] }));
    return () => {
      current = false;
    };
  }, [query]);
  // Only the answer to what is typed now (an empty query shows nothing).
  const found = query.trim() !== '' && answer.query === query ? answer.items : [];
  if (found.length === 0) return null;
  return (
    <ul className="code-suggestions" aria-label="Matching ICD-10 codes">
      {found.map((c) => (
        <li key={c.code}>
          <button type="button" className="button" onClick={() => onPick(c.code, c.description)}>
            {c.code} · {c.description}
          </button>
        </li>
      ))}
    </ul>
  );
}
