import { z } from 'zod';
import { LicenseItem, NewLicenseInput } from '../../domain/license.js';
import { HandshakeCode } from '../../domain/primitives.js';
import { LicenseQuery, LicenseView, ProjectGroup } from '../../domain/query.js';
import { AddUsageInput, HistoryEntry, UsageSnapshot } from '../../domain/usage.js';
import { DeletedLicense } from '../../domain/deleted-license.js';
import { ExportResult, Id } from './common.js';
import { read, write } from './define.js';

export const licensesChannels = {
  'licenses:list': read(LicenseQuery, z.strictObject({ total: z.number().int().min(0), rows: z.array(LicenseItem) })),
  'licenses:groups': read(LicenseView, z.array(ProjectGroup)),
  'licenses:get': read(Id, LicenseItem),
  'licenses:create': write(NewLicenseInput, LicenseItem),
  'licenses:update': write(z.strictObject({ id: z.number().int().positive(), fields: NewLicenseInput }), LicenseItem),
  'licenses:delete': write(Id, z.strictObject({ id: z.number().int().positive(), itemId: z.string() })),
  /** Deleted licenses, newest deletion first, from their tombstones. */
  'licenses:deleted': read(z.undefined(), z.array(DeletedLicense)),
  /** Brings a deleted license back from its tombstone, with its history and usage readings. */
  'licenses:restoreDeleted': write(z.strictObject({ tombstoneId: z.number().int().positive() }), z.strictObject({ id: z.number().int().positive(), itemId: z.string() })),
  /** Many items onto one project (or onto none): one write, one transaction. */
  'licenses:assignProject': write(
    z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(100_000), projectCode: HandshakeCode.nullable() }),
    z.strictObject({ updated: z.number().int().min(0) }),
  ),
  'licenses:history': read(Id, z.array(HistoryEntry)),
  /** The other items on the same project, in the order the license server draws on them. */
  'licenses:drawOrder': read(Id, z.array(LicenseItem)),
  /** Every item of the view, written to a file through the platform port by a job (progress as job:progress). */
  'licenses:export': read(LicenseView.extend({ format: z.enum(['csv', 'json']) }), ExportResult),

  'usage:list': read(z.strictObject({ licenseId: z.number().int().positive() }), z.array(UsageSnapshot)),
  'usage:add': write(AddUsageInput, UsageSnapshot),
} as const;
