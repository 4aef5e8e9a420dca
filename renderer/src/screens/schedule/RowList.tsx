// An editable list of rows in the hours editor (weekly sessions, breaks,
// exceptions): each row its own labelled group with a Remove button, "None."
// when empty, and an Add button.
import type { ReactNode } from 'react';

interface Props<T> {
  title: string;
  /** Names each row ("Session 2") and the buttons ("Add session", "Remove session 2"). */
  noun: string;
  rows: readonly T[];
  /** The row "Add" puts at the end. */
  blank: T;
  rowClassName?: string;
  onChange(rows: T[]): void;
  /** The fields of one row; `replace` puts a changed row in its place. */
  children(row: T, replace: (row: T) => void, index: number): ReactNode;
}

export function RowList<T>({
  title,
  noun,
  rows,
  blank,
  rowClassName = 'hours-row',
  onChange,
  children,
}: Props<T>) {
  const name = noun.toLowerCase();
  const replace = (i: number) => (next: T) => onChange(rows.map((r, j) => (j === i ? next : r)));
  return (
    <fieldset className="hours-section">
      <legend>{title}</legend>
      {rows.length === 0 && <p className="field__hint">None.</p>}
      {rows.map((row, i) => (
        <fieldset key={i} className={rowClassName}>
          <legend className="visually-hidden">{`${noun} ${i + 1}`}</legend>
          {children(row, replace(i), i)}
          <button
            type="button"
            className="button button--quiet hours-row__remove"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={`Remove ${name} ${i + 1}`}
          >
            Remove
          </button>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => onChange([...rows, blank])}>
        Add {name}
      </button>
    </fieldset>
  );
}
