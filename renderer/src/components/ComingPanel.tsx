// The whole of a screen that is coming in this version but is not built yet,
// so the navigation already has its final shape and nobody mistakes the empty
// screen for a fault. Replaced by the real screen when it lands.
import type { ReactNode } from 'react';
import { ScreenHeading } from './ScreenHeading';

interface Props {
  title: string;
  /** What the screen will hold. */
  children: ReactNode;
}

export function ComingPanel({ title, children }: Props) {
  return (
    <div className="screen">
      <ScreenHeading>{title}</ScreenHeading>
      <section className="panel panel--notice" aria-label={`${title} is coming`}>
        <p>
          <strong>Coming in this version.</strong> This screen is being built and is not ready yet.
        </p>
        <p>{children}</p>
      </section>
    </div>
  );
}
