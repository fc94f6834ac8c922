import type { Channel, ChannelInput, ChannelOutput, Contract } from '../../../shared/ipc/contract';
import { changedDomains } from '../../../shared/ipc/data-changes';
import { call, hearsDataChanges } from './client';
import { invalidateDomains } from './queries';

type WriteChannel = { [C in Channel]: Contract[C]['kind'] extends 'write' ? C : never }[Channel];
type Args<C extends Channel> = ChannelInput<C> extends undefined ? [] : [ChannelInput<C>];

/**
 * Calls a write channel. What it changed is refreshed through main's "data changed" event, which
 * names the same domains as `changedDomains` (shared/ipc/data-changes.ts) and also covers writes made
 * elsewhere; only a bridge without events has the write invalidate them itself, so one write never
 * refetches a view twice.
 */
export async function write<C extends WriteChannel>(channel: C, ...args: Args<C>): Promise<ChannelOutput<C>> {
  const value = await call(channel, ...args);
  if (!hearsDataChanges()) void invalidateDomains(changedDomains(channel));
  return value;
}

