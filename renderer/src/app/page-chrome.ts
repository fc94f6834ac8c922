import { useEffect, useRef, type RefObject } from 'react';
import type { Route } from './route';

const TITLES: Record<Route['page'], string> = {
  dashboard: 'Dashboard',
  licenses: 'Licenses',
  license: 'License details',
  renewals: 'Upcoming renewals',
  orders: 'Orders',
  projects: 'Projects',
  purchase: 'Purchase',
  po: 'Purchase order',
  notifications: 'Notifications',
  settings: 'Settings',
  audit: 'Audit log',
};

export const APP_NAME = 'License Desk';

/** "Licenses — License Desk": the window title (Electron shows the page's title) and the tab's. */
export function pageTitle(route: Route): string {
  return `${TITLES[route.page]} — ${APP_NAME}`;
}

/** Which page is shown: a filter or a sort changes the route but not the page. */
const pageKey = (r: Route) => (r.page === 'license' ? `license:${r.id}` : r.page);

/** How long a page may take to render its heading (a detail waits for its license). */
const HEADING_WAIT_MS = 2000;

/**
 * Sets the title for every page, and on navigation moves focus to the new page's heading, so a
 * screen reader announces where the person is and Tab starts from the top of the page. The first
 * page of a start keeps the browser's focus.
 */
export function usePageChrome(route: Route, main: RefObject<HTMLElement | null>): void {
  const title = pageTitle(route);
  useEffect(() => {
    document.title = title;
  }, [title]);

  const key = pageKey(route);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const started = Date.now();
    let frame = 0;
    const focusHeading = () => {
      // A command that brought the page (Find) may already have put focus in it: leave it there.
      if (main.current?.contains(document.activeElement)) return;
      const h1 = main.current?.querySelector<HTMLElement>('h1');
      if (h1) {
        if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
        h1.focus({ preventScroll: true });
      } else if (Date.now() - started < HEADING_WAIT_MS) {
        frame = requestAnimationFrame(focusHeading);
      }
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [key, main]);
}
