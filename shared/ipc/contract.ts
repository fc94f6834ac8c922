import { z } from 'zod';
import type { ChannelName } from './channels.js';
import { LicenseItem, NewLicenseInput } from '../domain/license.js';
import { Product } from '../domain/product.js';
import { LicenseQuery } from '../domain/query.js';

const Id = z.strictObject({ id: z.number().int().positive() });

/**
 * The one IPC contract: channel → input and output schemas. Main validates every input against it;
 * the preload and the browser host expose exactly these channels; the renderer's api client is typed by it.
 */
export const contract = {
  'app:info': {
    input: z.undefined(),
    output: z.strictObject({ version: z.string(), dataDir: z.string(), schemaVersion: z.number().int() }),
  },
  'products:list': { input: z.undefined(), output: z.array(Product) },
  'licenses:list': {
    input: LicenseQuery,
    output: z.strictObject({ total: z.number().int().min(0), rows: z.array(LicenseItem) }),
  },
  'licenses:get': { input: Id, output: LicenseItem },
  'licenses:create': { input: NewLicenseInput, output: LicenseItem },
} as const satisfies Record<`${string}:${string}`, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
/** What a handler receives: the input after parsing (defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

export { CHANNEL_NAMES as CHANNELS } from "./channels.js";

// Compile-time proof that channels.ts and the contract name the same channels, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListMatches: Same<Channel, ChannelName> = true;
void channelListMatches;
