import { replaceEqualDeep } from '@tanstack/react-query';
import { create } from 'zustand';
import { licensesRoute, parseHash, routeHash, type Route } from './route-parse';

export * from './route-parse';

interface RouteState {
  route: Route;
  /** The license list as the user last saw it, for "Back to licenses" from a detail page. */
  lastList: Extract<Route, { page: 'licenses' }>;
  /** A new history entry: Back returns to where the user was. */
  go(route: Route): void;
  /**
   * The same history entry with a new query (a filter, the sort, a search keystroke): Back leaves the
   * page instead of stepping through every change made on it.
   */
  replace(route: Route): void;
}

/**
 * The new route, sharing every part that did not change with the current one (as TanStack Query shares
 * answers), so a search keystroke leaves the filters' and sort's identity alone and what shows them
 * does not re-render.
 */
function withRoute(current: Route, next: Route): Partial<RouteState> {
  const route = replaceEqualDeep(current, next);
  return route.page === 'licenses' ? { route, lastList: route } : { route };
}

const initial = parseHash(window.location.hash);

export const useRoute = create<RouteState>((set, get) => ({
  route: initial,
  lastList: initial.page === 'licenses' ? initial : (licensesRoute() as RouteState['lastList']),
  go(route) {
    window.location.hash = routeHash(route);
  },
  replace(route) {
    const hash = routeHash(route);
    if (hash !== window.location.hash) window.history.replaceState(window.history.state, '', hash);
    // replaceState fires no hashchange: the route follows here, re-parsed so it is what a reload would see.
    set(withRoute(get().route, parseHash(hash)));
  },
}));

window.addEventListener('hashchange', () => useRoute.setState(withRoute(useRoute.getState().route, parseHash(window.location.hash))));
