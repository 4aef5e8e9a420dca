// ICD-10 codes matching what the doctor typed in the problem form, searched
// offline in the starter list; choosing one fills the code and description.
import { searchIcd10 } from '../../../../shared/charting/icd10-starter';

interface Props {
  query: string;
  onPick(code: string, description: string): void;
}

export function CodeSuggestions({ query, onPick }: Props) {
  const found = searchIcd10(query, 6);
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
