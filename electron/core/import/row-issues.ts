import { LICENSE_FIELD_LABELS } from '../../../shared/domain/labels.js';
import type { LicenseItemFields } from '../../../shared/domain/license.js';
import { quoteValue, type Cell } from './row-values.js';
import type { RowRejectCode, RowRejection } from './rows.js';

/** Reporting schema problems (from NewLicenseInput) in the same plain words as the importer's own. */

export type FieldKey = keyof LicenseItemFields;

export const FIELD_LABELS: Record<FieldKey, string> = LICENSE_FIELD_LABELS;


/** Where each value came from, so a schema issue can name the right column and value. */
export type Origin = Partial<Record<FieldKey, Cell>>;

export const DATE_FIELDS = new Set<FieldKey>(['activatedOn', 'expiresOn', 'maintenanceExpiresOn']);

export interface SchemaIssue {
  code: string;
  message: string;
  origin?: string;
  maximum?: unknown;
}

/** Turns a zod issue into a report line naming the column and the value the user wrote. */
export function schemaRejection(
  line: number,
  key: FieldKey | undefined,
  issue: SchemaIssue,
  candidate: Record<FieldKey, unknown>,
  origin: Origin,
): RowRejection {
  if (key === undefined || !(key in FIELD_LABELS)) return { line, column: null, code: 'INVALID_VALUE', message: issue.message };
  const src = origin[key];
  const value = candidate[key];
  const label = FIELD_LABELS[key];
  const missing = value === null || value === undefined || value === '';
  // zod's default wording for length limits is technical; say it plainly.
  const reason = issue.code === 'too_big' && issue.origin === 'string' ? `is longer than ${String(issue.maximum)} characters` : issue.message;
  let code: RowRejectCode = 'INVALID_VALUE';
  if (missing) code = 'MISSING_FIELD';
  else if (issue.code !== 'custom' && DATE_FIELDS.has(key)) code = 'INVALID_DATE';
  else if (issue.code !== 'custom' && key === 'quotaAmount') code = 'INVALID_NUMBER';
  const message = missing ? `${label}: ${reason}` : `${label} ${quoteValue(String(value))}: ${reason}`;
  return { line, column: src?.column ?? null, code, message };
}
