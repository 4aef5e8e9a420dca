// The heading of a screen. It takes focus when the screen appears, so keyboard
// and screen-reader users start at the top of the new content instead of
// wherever focus was left on the previous screen.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Set false where a form field should take focus instead. */
  autoFocus?: boolean;
  level?: 1 | 2;
  id?: string;
}

export function ScreenHeading({ children, autoFocus = true, level = 1, id }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag ref={ref} tabIndex={-1} className="screen-heading" id={id}>
      {children}
    </Tag>
  );
}
