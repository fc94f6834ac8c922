import { z } from 'zod';
import { DashboardSummary } from '../domain/dashboard.js';
import { ImportCommitInput, ImportPreview, ImportReport, ImportSource } from '../domain/import.js';
import { LicenseItem, NewLicenseInput } from '../domain/license.js';
import { IsoDate } from '../domain/primitives.js';
import { Product } from '../domain/product.js';
import { KeyCheck, Project, StoredKey } from '../domain/project.js';
import { LicenseQuery, LicenseView, ProjectGroup } from '../domain/query.js';
import { StatusSettingsSchema } from '../domain/settings.js';
import { AddUsageInput, HistoryEntry, UsageSnapshot } from '../domain/usage.js';
import type { ChannelName } from './channels.js';

const Id = z.strictObject({ id: z.number().int().positive() });
const Text = z.strictObject({ text: z.string().max(256 * 1024) });
const ExportFile = z.strictObject({ fileName: z.string(), mimeType: z.string(), content: z.string() });

/**
 * The one IPC contract: channel → input and output schemas. Main validates every input against it;
 * the preload and the browser host expose exactly these channels; the renderer's api client is typed by it.
 */
export const contract = {
  'app:info': {
    input: z.undefined(),
    output: z.strictObject({ version: z.string(), dataDir: z.string(), schemaVersion: z.number().int() }),
  },
  'settings:get': { input: z.undefined(), output: StatusSettingsSchema },
  'settings:update': { input: StatusSettingsSchema, output: StatusSettingsSchema },

  'products:list': { input: z.undefined(), output: z.array(Product) },
  'products:create': {
    input: z.strictObject({
      code: z.string().trim().regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'Capital letters, digits and dashes; 2 to 16 characters'),
      name: z.string().trim().min(1).max(200),
      editions: z.array(z.string().trim().min(1).max(120)).max(50),
    }),
    output: Product,
  },

  'licenses:list': { input: LicenseQuery, output: z.strictObject({ total: z.number().int().min(0), rows: z.array(LicenseItem) }) },
  'licenses:groups': { input: LicenseView, output: z.array(ProjectGroup) },
  'licenses:get': { input: Id, output: LicenseItem },
  'licenses:create': { input: NewLicenseInput, output: LicenseItem },
  'licenses:update': { input: z.strictObject({ id: z.number().int().positive(), fields: NewLicenseInput }), output: LicenseItem },
  'licenses:delete': { input: Id, output: z.strictObject({ id: z.number().int().positive(), itemId: z.string() }) },
  'licenses:history': { input: Id, output: z.array(HistoryEntry) },
  /** The other items on the same project, in the order the license server draws on them. */
  'licenses:drawOrder': { input: Id, output: z.array(LicenseItem) },
  'licenses:export': { input: LicenseView.extend({ format: z.enum(['csv', 'json']) }), output: ExportFile },

  'usage:list': { input: z.strictObject({ licenseId: z.number().int().positive() }), output: z.array(UsageSnapshot) },
  'usage:add': { input: AddUsageInput, output: UsageSnapshot },

  'projects:list': { input: z.undefined(), output: z.array(Project) },
  'projects:get': { input: Id, output: Project },
  'projects:byCode': { input: z.strictObject({ handshakeCode: z.string().max(200) }), output: Project },
  'keys:reveal': { input: Id, output: z.strictObject({ key: z.string() }) },
  'keys:check': { input: Text, output: z.array(KeyCheck) },
  'keys:import': {
    input: z.strictObject({ text: z.string().max(256 * 1024), mode: z.enum(['all-or-nothing', 'valid-only']).default('all-or-nothing') }),
    output: z.strictObject({ written: z.boolean(), message: z.string(), checks: z.array(KeyCheck) }),
  },
  'keys:unassigned': { input: z.undefined(), output: z.array(StoredKey) },

  'import:preview': { input: ImportSource, output: ImportPreview },
  'import:commit': { input: ImportCommitInput, output: ImportReport },

  'dashboard:summary': { input: z.strictObject({ asOf: IsoDate }), output: DashboardSummary },
} as const satisfies Record<`${string}:${string}`, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
/** What a handler receives: the input after parsing (defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

export { CHANNEL_NAMES as CHANNELS } from './channels.js';

// Compile-time proof that channels.ts and the contract name the same channels, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListMatches: Same<Channel, ChannelName> = true;
void channelListMatches;

