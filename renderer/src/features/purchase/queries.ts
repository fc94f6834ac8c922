import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/** The purchase pages' reads, keyed by their cache domain first (api/queries.ts), so writes refresh them. */
export const purchaseQueries = {
  company: () => queryOptions({ queryKey: ['company'], queryFn: () => call('company:get') }),
  poSettings: () => queryOptions({ queryKey: ['po', 'settings'], queryFn: () => call('po:settings') }),
  poList: () => queryOptions({ queryKey: ['po', 'list'], queryFn: () => call('po:list') }),
  po: (id: number) => queryOptions({ queryKey: ['po', 'item', id], queryFn: () => call('po:get', { id }) }),
  resellers: (region: string) => queryOptions({ queryKey: ['resellers', region], queryFn: () => call('resellers:list', { region }) }),
  history: () => queryOptions({ queryKey: ['purchases', 'list'], queryFn: () => call('purchases:list') }),
  orderLicenses: (orderId: string) => queryOptions({ queryKey: ['purchases', 'licenses', orderId], queryFn: () => call('purchases:licenses', { orderId }) }),
  forLicense: (licenseId: number) => queryOptions({ queryKey: ['purchases', 'forLicense', licenseId], queryFn: () => call('purchases:forLicense', { licenseId }) }),
};
