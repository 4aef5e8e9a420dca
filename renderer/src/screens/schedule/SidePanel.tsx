// The panel beside the calendar (booking, an appointment's details). Its
// heading takes focus when it opens, so keyboard and screen-reader users land
// in it; Close (or Escape) returns to the calendar.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useSchedule } from '../../stores/schedule-store';

interface Props {
  title: string;
  children: ReactNode;
}

export function SidePanel({ title, children }: Props) {
  const headingId = useId();
  const ref = useRef<HTMLHeadingElement>(null);
  const openPanel = useSchedule((s) => s.openPanel);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      className="side-panel"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') openPanel({ kind: 'none' });
      }}
    >
      <div className="side-panel__head">
        <h2 id={headingId} ref={ref} tabIndex={-1} className="screen-heading">
          {title}
        </h2>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => openPanel({ kind: 'none' })}
        >
          Close
        </button>
      </div>
      {children}
    </section>
  );
}
