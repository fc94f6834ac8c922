import type { Channel } from './contract.js';
import { DATA_DOMAINS, type DataDomain } from './events.js';

/**
 * Write channels that change stored data beyond their own domain (the channel's prefix). A page
 * refreshes what it shows when a "data changed" event names a domain it reads (renderer/src/api/
 * queries.ts: each cache entry's `reads`). The one list of what a write changes: the core's events
 * and the renderer's own writes both come from here.
 */
const ALSO_CHANGES: Partial<Record<Channel, readonly DataDomain[]>> = {
  'import:commit': ['licenses', 'usage'],
  'licenses:create': ['usage'],
  'licenses:delete': ['usage'],
  'licenses:restoreDeleted': ['usage'],
  'keys:import': ['projects'],
  // Linking marks the old license renewed and may move the arrival onto its project.
  'orders:fulfil': ['licenses', 'projects'],
  // A PO's lines name licenses: the license pages' purchase history reads them.
  'po:create': ['purchases'],
  'po:update': ['purchases'],
  'po:delete': ['purchases'],
  'po:cancel': ['purchases'],
  'po:markSent': ['purchases'],
  // A restore replaces every stored thing at once.
  'backups:restore': DATA_DOMAINS,
};

export function domainOf(channel: string): DataDomain {
  return channel.slice(0, channel.indexOf(':')) as DataDomain;
}

export function changedDomains(channel: Channel): DataDomain[] {
  return [...new Set([domainOf(channel), ...(ALSO_CHANGES[channel] ?? [])])];
}
