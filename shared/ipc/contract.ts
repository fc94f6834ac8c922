import type { z } from 'zod';
import type { ChannelName } from './channels.js';
import { appChannels } from './contract/app.js';
import { backupsChannels } from './contract/backups.js';
import { auditChannels } from './contract/audit.js';
import { dashboardChannels } from './contract/dashboard.js';
import type { ChannelKind, ChannelMap } from './contract/define.js';
import { importsChannels } from './contract/imports.js';
import { filesChannels } from './contract/files.js';
import { jobsChannels } from './contract/jobs.js';
import { keysChannels } from './contract/keys.js';
import { licensesChannels } from './contract/licenses.js';
import { ordersChannels } from './contract/orders.js';
import { projectsChannels } from './contract/projects.js';
import { purchasesChannels } from './contract/purchases.js';
import { quarantineChannels } from './contract/quarantine.js';
import { remindersChannels } from './contract/reminders.js';
import { settingsChannels } from './contract/settings.js';

const domains = [appChannels, settingsChannels, licensesChannels, projectsChannels, keysChannels, importsChannels, dashboardChannels, ordersChannels, purchasesChannels, remindersChannels, jobsChannels, filesChannels, backupsChannels, quarantineChannels, auditChannels] as const;

/** Channels that two domain maps both define: must be `never`, so every channel has one owner. */
type KeysOf<U> = U extends unknown ? keyof U : never;
type DuplicateKeys<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R] ? Extract<keyof H, KeysOf<R[number]>> | DuplicateKeys<R> : never;
const noDuplicateChannels: [DuplicateKeys<typeof domains>] extends [never] ? true : { duplicate: DuplicateKeys<typeof domains> } = true;
void noDuplicateChannels;

/**
 * The one IPC contract: channel → kind, input and output schemas, merged from one map per domain
 * (`contract/*.ts`). Main validates every input against it; the preload and the browser host expose
 * exactly these channels; the renderer's api client is typed by it.
 */
type Merged<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R] ? H & Merged<R> : unknown;
export const contract = Object.freeze(Object.assign({}, ...domains)) as Merged<typeof domains> satisfies ChannelMap;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
/** What a handler receives: the input after parsing (defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

export function channelKind(channel: Channel): ChannelKind {
  return contract[channel].kind;
}
export const WRITE_CHANNELS = (Object.keys(contract) as Channel[]).filter((c) => contract[c].kind === 'write');

export { CHANNEL_NAMES as CHANNELS } from './channels.js';
export type { ChannelKind } from './contract/define.js';

// Compile-time proof that channels.ts and the contract name the same channels, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListMatches: Same<Channel, ChannelName> = true;
void channelListMatches;
