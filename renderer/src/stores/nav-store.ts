// Where the user is. The address hash is the source of truth (so back/forward
// and typed addresses work); this store mirrors it and offers `go`.
import { create } from 'zustand';
import { formatRoute, parseRoute, type Route } from '../app/routes';

interface NavStore {
  route: Route;
  go(route: Route): void;
}

export const useNav = create<NavStore>()((set) => ({
  route: parseRoute(window.location.hash),
  go(route) {
    const hash = formatRoute(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
}));

window.addEventListener('hashchange', () => {
  useNav.setState({ route: parseRoute(window.location.hash) });
});
