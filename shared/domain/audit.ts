import { z } from 'zod';
import { IsoDate, Timestamp } from './primitives.js';

/**
 * The audit log's words. An entry's kind is its channel's domain (the part before the colon), so a
 * new channel gets a kind without a list to keep; these labels name the ones that exist.
 */
export const AUDIT_KIND_LABELS: Readonly<Record<string, string>> = {
  licenses: 'Licenses',
  usage: 'Usage readings',
  keys: 'License keys',
  import: 'Imports',
  orders: 'Orders',
  projects: 'Projects',
  settings: 'Settings',
  products: 'Products',
  company: 'Company profile',
  po: 'Purchase orders',
  resellers: 'Resellers',
  purchases: 'Purchase history',
  reminders: 'Reminders',
  quarantine: 'Quarantined files',
};

export function auditKindOf(channel: string): string {
  const colon = channel.indexOf(':');
  return colon > 0 ? channel.slice(0, colon) : channel;
}

export function auditKindLabel(kind: string): string {
  return AUDIT_KIND_LABELS[kind] ?? kind;
}

const Kind = z.string().trim().regex(/^[a-z]{1,40}$/, 'A kind is lower-case letters');

export const AuditQuery = z
  .strictObject({
    licenseId: z.number().int().positive().optional(),
    /** Dynamsoft's item id: also finds the entries of a license deleted since. */
    itemId: z.string().trim().regex(/^\d{1,18}$/, 'Digits only (up to 18)').optional(),
    kind: Kind.optional(),
    channel: z.string().trim().regex(/^[a-z]{1,40}:[A-Za-z]{1,40}$/, 'A channel looks like licenses:update').optional(),
    /** Calendar days in UTC, both included. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The start date is after the end date', path: ['to'] });
export type AuditQuery = z.input<typeof AuditQuery>;

/** A summary holds ids, counts, flags, field names and short codes: never a key, payload or password. */
type SummaryValue = null | boolean | number | string | SummaryValue[] | { [key: string]: SummaryValue };
const SummaryValue: z.ZodType<SummaryValue> = z.lazy(() => z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(SummaryValue), z.record(z.string(), SummaryValue)]));

export const AuditEntry = z.strictObject({
  seq: z.number().int().positive(),
  at: Timestamp,
  kind: z.string(),
  channel: z.string(),
  licenseId: z.number().int().positive().nullable(),
  subject: z.string().nullable(),
  actor: z.string(),
  summary: z.record(z.string(), SummaryValue),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.strictObject({ total: z.number().int().min(0), entries: z.array(AuditEntry) });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerification = z.discriminatedUnion('intact', [
  z.strictObject({ intact: z.literal(true), count: z.number().int().min(0), lastSeq: z.number().int().positive().nullable() }),
  z.strictObject({
    intact: z.literal(false),
    /** Entries checked and found whole before the broken one. */
    count: z.number().int().min(0),
    brokenSeq: z.number().int().positive(),
    reason: z.string(),
  }),
]);
export type AuditVerification = z.infer<typeof AuditVerification>;
