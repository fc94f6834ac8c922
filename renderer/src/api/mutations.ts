import { useMutation } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput, Contract } from '../../../shared/ipc/contract';
import { call } from './client';
import { invalidateDomains, type Domain } from './queries';

type WriteChannel = { [C in Channel]: Contract[C]['kind'] extends 'write' ? C : never }[Channel];

/**
 * What each write changes, as cache domains. Every write channel must be listed (a new one fails the
 * typecheck here), so no write can leave a view showing what was true before it.
 */
export const WRITE_EFFECTS = {
  'settings:update': ['settings', 'licenses', 'dashboard'], // thresholds change every headline
  'products:create': ['products'],
  'licenses:create': ['licenses', 'projects', 'dashboard'],
  'licenses:update': ['licenses', 'projects', 'dashboard'],
  'licenses:delete': ['licenses', 'projects', 'dashboard'],
  'usage:add': ['licenses', 'dashboard'],
  'keys:import': ['keys', 'projects', 'licenses', 'dashboard'],
  'import:commit': ['licenses', 'projects', 'dashboard'],
  'projects:setHosting': ['projects'],
  'orders:create': ['orders'],
  'orders:checklist': ['orders'],
  'orders:transition': ['orders'],
  // Linking marks the old license renewed and may move the arrival onto its project.
  'orders:fulfil': ['orders', 'licenses', 'projects', 'dashboard'],
  'company:update': ['company'],
  'po:updateSettings': ['po'],
  // A PO's lines name licenses: the license pages' "purchases" panel reads them.
  'po:create': ['po', 'purchases'],
  'po:update': ['po', 'purchases'],
  'po:delete': ['po', 'purchases'],
  'po:cancel': ['po', 'purchases'],
  'po:markSent': ['po', 'purchases'],
  'po:generate': ['po'],
  'resellers:create': ['resellers'],
  'resellers:update': ['resellers'],
  'resellers:delete': ['resellers'],
  'purchases:import': ['purchases'],
} as const satisfies Record<WriteChannel, readonly Domain[]>;

type Args<C extends Channel> = ChannelInput<C> extends undefined ? [] : [ChannelInput<C>];

/**
 * Calls a write channel and, once it succeeded, invalidates what it changed. The answer is returned
 * before the refetches finish, so a dialog can close at once while the lists behind it update.
 */
export async function write<C extends WriteChannel>(channel: C, ...args: Args<C>): Promise<ChannelOutput<C>> {
  const value = await call(channel, ...args);
  void invalidateDomains(WRITE_EFFECTS[channel]);
  return value;
}

/** `write` as a TanStack mutation, for components that show its pending and error state. */
export function useWrite<C extends WriteChannel>(channel: C) {
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => write(channel, ...([input] as Args<C>)),
  });
}
