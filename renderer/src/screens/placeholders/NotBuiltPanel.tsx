// An honest placeholder for a screen that is planned but not built yet, so the
// navigation already has its final shape and nobody mistakes it for a bug.
import type { ReactNode } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';

interface Props {
  title: string;
  children: ReactNode;
}

export function NotBuiltPanel({ title, children }: Props) {
  return (
    <div className="screen">
      <ScreenHeading>{title}</ScreenHeading>
      <section className="panel panel--notice" aria-label={`${title} is not built yet`}>
        <p>
          <strong>Not built yet.</strong> This screen is planned for a later version.
        </p>
        <p>{children}</p>
      </section>
    </div>
  );
}
