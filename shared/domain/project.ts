import { z } from 'zod';
import { Timestamp } from './primitives.js';

export const HOSTINGS = ['dynamsoft', 'self', 'unknown'] as const;
export const Hosting = z.enum(HOSTINGS);
export type Hosting = z.infer<typeof Hosting>;

export const KEY_KINDS = ['dls2', 'trial', 'offline', 'device-authorization'] as const;
export const KeyKind = z.enum(KEY_KINDS);
export type KeyKind = z.infer<typeof KeyKind>;

/** A stored license key as the UI may see it: masked. The clear text crosses IPC only via keys:reveal. */
export const StoredKey = z.strictObject({
  id: z.number().int().positive(),
  kind: KeyKind,
  masked: z.string(),
  summary: z.string(),
  projectCode: z.string().nullable(),
  sessionPasswordSet: z.boolean(),
  createdAt: Timestamp,
});
export type StoredKey = z.infer<typeof StoredKey>;

export const Project = z.strictObject({
  id: z.number().int().positive(),
  handshakeCode: z.string(),
  organizationId: z.string(),
  hosting: Hosting,
  mainServerUrl: z.string().nullable(),
  standbyServerUrl: z.string().nullable(),
  itemCount: z.number().int().min(0),
  keys: z.array(StoredKey),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Project = z.infer<typeof Project>;

/** The result of checking one pasted key, before or after import. */
export const KeyCheck = z.strictObject({
  index: z.number().int().min(0),
  masked: z.string(),
  ok: z.boolean(),
  kind: KeyKind.nullable(),
  summary: z.string(),
  projectCode: z.string().nullable(),
  /** created: new key (and project); attached: new key on a known project; duplicate: already stored. */
  outcome: z.enum(['created', 'attached', 'duplicate', 'rejected']),
  error: z.string().nullable(),
});
export type KeyCheck = z.infer<typeof KeyCheck>;
