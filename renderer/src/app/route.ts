import { create } from 'zustand';

export type Route = { page: 'licenses' } | { page: 'license'; id: number };

/** Routes live in the URL hash so the window never navigates (navigation is denied in main). */
export function parseHash(hash: string): Route {
  const m = /^#\/licenses\/(\d+)$/.exec(hash);
  if (m) return { page: 'license', id: Number(m[1]) };
  return { page: 'licenses' };
}

export function routeHash(route: Route): string {
  return route.page === 'license' ? `#/licenses/${route.id}` : '#/licenses';
}

interface RouteState {
  route: Route;
  go(route: Route): void;
}

export const useRoute = create<RouteState>(() => ({
  route: parseHash(window.location.hash),
  go(route) {
    window.location.hash = routeHash(route);
  },
}));

window.addEventListener('hashchange', () => useRoute.setState({ route: parseHash(window.location.hash) }));
