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

/**
 * How long the address bar may lag a replaced route. Writing it (history.replaceState) costs Chromium
 * about 3 ms, which on a search keystroke came before the list's request went out; typed text is
 * written once the typing pauses instead. Nothing reads the address bar meanwhile: the route is
 * the store's, and every way out of the page (go, Back, reload, close) writes or drops it first.
 */
export const ADDRESS_BAR_DELAY_MS = 300;
let pendingHash: string | null = null;
let pendingTimer: ReturnType<typeof setTimeout> | null = null;

function dropPendingHash(): void {
  if (pendingTimer !== null) clearTimeout(pendingTimer);
  pendingTimer = null;
  pendingHash = null;
}

/** Writes a replaced route's hash now, if one is waiting. */
export function flushAddressBar(): void {
  const hash = pendingHash;
  dropPendingHash();
  if (hash !== null && hash !== window.location.hash) window.history.replaceState(window.history.state, '', hash);
}

export const useRoute = create<RouteState>((set, get) => ({
  route: initial,
  lastList: initial.page === 'licenses' ? initial : (licensesRoute() as RouteState['lastList']),
  go(route) {
    // The entry being left keeps its latest query, so Back returns to the list as it was.
    flushAddressBar();
    window.location.hash = routeHash(route);
  },
  replace(route) {
    const hash = routeHash(route);
    pendingHash = hash;
    if (pendingTimer !== null) clearTimeout(pendingTimer);
    pendingTimer = setTimeout(flushAddressBar, ADDRESS_BAR_DELAY_MS);
    // The route follows at once, re-parsed so it is what a reload would see.
    set(withRoute(get().route, parseHash(hash)));
  },
}));

window.addEventListener('hashchange', () => {
  // Back, Forward or a link moved to another entry: a write still waiting belonged to the one left.
  dropPendingHash();
  useRoute.setState(withRoute(useRoute.getState().route, parseHash(window.location.hash)));
});
// A link's new entry comes after the latest query (a click's capture runs before the link follows),
// and a reload or a closed window keeps what was typed last.
window.addEventListener('click', flushAddressBar, true);
window.addEventListener('pagehide', flushAddressBar);
