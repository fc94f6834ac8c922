import type { Channel } from './contract.js';
import type { DataDomain } from './events.js';

/**
 * Write channels that change stored data beyond their own domain (the channel's prefix). A page
 * refreshes what it shows when a "data changed" event names a domain it reads.
 */
const ALSO_CHANGES: Partial<Record<Channel, readonly DataDomain[]>> = {
  'import:commit': ['licenses', 'usage'],
  'licenses:create': ['usage'],
  'licenses:delete': ['usage'],
  'keys:import': ['projects'],
};

export function domainOf(channel: string): DataDomain {
  return channel.slice(0, channel.indexOf(':')) as DataDomain;
}

export function changedDomains(channel: Channel): DataDomain[] {
  return [...new Set([domainOf(channel), ...(ALSO_CHANGES[channel] ?? [])])];
}
