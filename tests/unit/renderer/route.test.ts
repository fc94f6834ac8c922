import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_QUERY, licensesRoute, parseHash, routeHash, type Route } from '../../../renderer/src/app/route-parse';

describe('route parser', () => {
  it('reads each page, and anything unknown as the dashboard', () => {
    expect(parseHash('')).toEqual({ page: 'dashboard' });
    expect(parseHash('#/')).toEqual({ page: 'dashboard' });
    expect(parseHash('#/nowhere')).toEqual({ page: 'dashboard' });
    expect(parseHash('#/licenses/42')).toEqual({ page: 'license', id: 42 });
    expect(parseHash('#/settings')).toEqual({ page: 'settings' });
    // A start notice's way to a section; an unknown section is just the page.
    expect(parseHash('#/settings?section=quarantine')).toEqual({ page: 'settings', section: 'quarantine' });
    expect(parseHash('#/settings?section=elsewhere')).toEqual({ page: 'settings' });
    // A clicked desktop digest opens its day; a malformed day is just the page.
    expect(parseHash('#/notifications')).toEqual({ page: 'notifications', day: null });
    expect(parseHash('#/notifications?day=2030-03-05')).toEqual({ page: 'notifications', day: '2030-03-05' });
    expect(parseHash('#/notifications?day=5%20March')).toEqual({ page: 'notifications', day: null });
    expect(parseHash('#/projects')).toEqual({ page: 'projects', query: { search: '' } });
    expect(parseHash('#/licenses')).toEqual({ page: 'licenses', query: DEFAULT_LIST_QUERY });
  });

  it('reads the list query from the URL, repeated parameters as lists', () => {
    const route = parseHash('#/licenses?status=expired&status=grace&project=100123456-100654321&product=DBR&mode=scans&term=annual&within=30&quota=80&q=acme&sort=itemId&dir=desc&group=1');
    expect(route).toEqual({
      page: 'licenses',
      query: {
        search: 'acme',
        sort: { key: 'itemId', dir: 'desc' },
        filters: { productCodes: ['DBR'], headlines: ['expired', 'grace'], quotaModes: ['scans'], projectCodes: ['100123456-100654321'], terms: ['annual'], expiresWithinDays: 30, minQuotaPercent: 80 },
        groupByProject: true,
      },
    });
  });

  it('drops values it does not know instead of failing, so an old or hand-typed link still opens', () => {
    const route = parseHash('#/licenses?status=nonsense&status=expired&status=expired&mode=bananas&within=-3&quota=0&sort=colour&dir=sideways&group=yes&project=%20%20');
    expect(route).toEqual(licensesRoute({ filters: { headlines: ['expired'] } }));
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    expect(routeHash(licensesRoute())).toBe('#/licenses');
    expect(routeHash(licensesRoute({ filters: { headlines: ['expired'] } }))).toBe('#/licenses?status=expired');
    // The dashboard's "quota at risk" link.
    expect(routeHash(licensesRoute({ filters: { minQuotaPercent: 80 } }))).toBe('#/licenses?quota=80');
    const routes: Route[] = [
      { page: 'dashboard' },
      { page: 'settings' },
      { page: 'settings', section: 'quarantine' },
      { page: 'notifications', day: '2030-03-05' },
      { page: 'license', id: 7 },
      { page: 'projects', query: { search: 'acme & co' } },
      licensesRoute({ search: 'a&b=c #1', filters: { projectCodes: ['x y', '(none)'], expiresWithinDays: 0 }, sort: { key: 'status', dir: 'asc' } }),
    ];
    for (const r of routes) expect(parseHash(routeHash(r))).toEqual(r);
  });
});

describe('renewals and orders routes', () => {
  it('carry the look-ahead and the order filters, and round-trip', () => {
    expect(parseHash('#/renewals')).toEqual({ page: 'renewals', days: 90 });
    expect(parseHash('#/renewals?within=30')).toEqual({ page: 'renewals', days: 30 });
    expect(parseHash('#/renewals?within=0')).toEqual({ page: 'renewals', days: 90 });
    expect(parseHash('#/orders?state=sent&state=bogus&kind=renewal&order=7')).toEqual({ page: 'orders', query: { states: ['sent'], kinds: ['renewal'], selected: 7 } });
    expect(parseHash('#/orders?order=x')).toEqual({ page: 'orders', query: { states: [], kinds: [], selected: null } });
    const routes: Route[] = [
      { page: 'renewals', days: 90 },
      { page: 'renewals', days: 180 },
      { page: 'orders', query: { states: ['draft', 'sent'], kinds: ['add-quota'], selected: 3 } },
    ];
    for (const r of routes) expect(parseHash(routeHash(r))).toEqual(r);
    expect(routeHash({ page: 'renewals', days: 90 })).toBe('#/renewals');
  });
});
