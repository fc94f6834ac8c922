import { z } from 'zod';
import { AuditPage, AuditQuery, AuditVerification } from '../../domain/audit.js';
import { ExportResult } from './common.js';
import { read } from './define.js';

export const auditChannels = {
  /** Newest first, filtered by license, kind, channel and UTC days; paged. */
  'audit:list': read(AuditQuery, AuditPage),
  /** Walks the whole chain: intact with the count, or the first broken entry and why. */
  'audit:verify': read(z.undefined(), AuditVerification),
  /** The whole log with its chain, saved through the save dialog; `saved` is null when it was closed. */
  'audit:export': read(z.strictObject({ format: z.enum(['csv', 'json']) }), ExportResult),
} as const;
