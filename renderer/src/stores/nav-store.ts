// Where the user is. The address hash is the source of truth (so back/forward
// and typed addresses work); this store mirrors it and offers `go`. It holds
// the address itself, not a parsed route: which screen an address opens
// depends on the session (where it lands), so the shell parses it
// (app/routes.ts). That also keeps this store free of the screen registry,
// which the screens that call `go` are part of.
import { create } from 'zustand';
import type { Href } from '../app/screen-route';

interface NavStore {
  /** The current address, e.g. '#/patients/abc'. */
  hash: string;
  go(href: Href): void;
}

export const useNav = create<NavStore>()((set) => ({
  hash: window.location.hash,
  go(href) {
    if (window.location.hash !== href) window.location.hash = href;
    set({ hash: href });
  },
}));

window.addEventListener('hashchange', () => {
  useNav.setState({ hash: window.location.hash });
});
