// A screen's title with what belongs beside it (its sections, a Refresh or
// New button), on one row.
import type { ReactNode } from 'react';
import { ScreenHeading } from './ScreenHeading';

interface Props {
  title: string;
  headingId?: string;
  /** False where a field should take focus instead (Patients' search box). */
  autoFocus?: boolean;
  children: ReactNode;
}

export function TitleRow({ title, headingId, autoFocus = true, children }: Props) {
  return (
    <div className="title-row">
      <ScreenHeading id={headingId} autoFocus={autoFocus}>
        {title}
      </ScreenHeading>
      {children}
    </div>
  );
}
