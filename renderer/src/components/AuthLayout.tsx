// The frame of the screens shown before anyone is working: first run, login,
// lock. One header landmark with the product name, one main with a card.
import type { ReactNode } from 'react';

interface Props {
  clinicName?: string | null;
  children: ReactNode;
  wide?: boolean;
}

export function AuthLayout({ clinicName, children, wide = false }: Props) {
  return (
    <div className="auth">
      <header className="auth__header">
        <span className="brand">EHRBS</span>
        {clinicName && <span className="auth__clinic">{clinicName}</span>}
      </header>
      <main className={wide ? 'auth__card auth__card--wide' : 'auth__card'}>{children}</main>
    </div>
  );
}
