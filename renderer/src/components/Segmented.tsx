// A row of buttons of which one is chosen (a screen's sections or views, Day
// or Week): a labelled group of toggle buttons, the chosen one aria-pressed,
// so screen readers say which is on.
export interface Segment<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  /** The group's accessible name, e.g. "Admin sections". */
  label: string;
  segments: readonly Segment<T>[];
  value: T;
  onChange(value: T): void;
}

export function Segmented<T extends string>({ label, segments, value, onChange }: Props<T>) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {segments.map((s) => (
        <button
          key={s.value}
          type="button"
          className="button"
          aria-pressed={value === s.value}
          onClick={() => onChange(s.value)}
        >
          {s.label}
        </button>
      ))}
    </div>
  );
}
