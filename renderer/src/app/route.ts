import { create } from 'zustand';

export type Route = { page: 'dashboard' } | { page: 'licenses' } | { page: 'license'; id: number } | { page: 'projects' } | { page: 'settings' };

/** Routes live in the URL hash so the window never navigates (navigation is denied in main). */
export function parseHash(hash: string): Route {
  const m = /^#\/licenses\/(\d+)$/.exec(hash);
  if (m) return { page: 'license', id: Number(m[1]) };
  if (hash === '#/licenses') return { page: 'licenses' };
  if (hash === '#/projects') return { page: 'projects' };
  if (hash === '#/settings') return { page: 'settings' };
  return { page: 'dashboard' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'license':
      return `#/licenses/${route.id}`;
    case 'licenses':
      return '#/licenses';
    case 'projects':
      return '#/projects';
    case 'settings':
      return '#/settings';
    default:
      return '#/';
  }
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
