import { z } from 'zod';

export const IMPORT_FORMATS = ['csv', 'json'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const IMPORT_TARGET_FIELDS = [
  'itemId', 'licenseId', 'orderId', 'product', 'licenseItem', 'edition', 'version', 'term', 'quotaMode', 'quotaAmount', 'used', 'usage',
  'activationStatus', 'activatedOn', 'expiresOn', 'maintenanceExpiresOn', 'projectCode', 'alias', 'notes',
] as const;
export const ImportTargetField = z.enum(IMPORT_TARGET_FIELDS);
export type ImportTargetField = z.infer<typeof ImportTargetField>;

/**
 * The longest column header accepted. Real headers are short, but a sheet's first row is sometimes a
 * sentence or a whole pasted title; far longer than that is not a header row at all.
 */
export const IMPORT_MAX_HEADER = 1000;

/** Source header → target field, or null to ignore the column. */
export const ColumnMapping = z.record(z.string().max(IMPORT_MAX_HEADER), ImportTargetField.nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/**
 * The largest import file: far beyond any real license list (100,000 portal rows are about 22 MB),
 * small enough that a wrong file cannot exhaust the main process. The renderer checks the file's size
 * in bytes, the core the text's length in characters (never more than its UTF-8 bytes), and the
 * loopback host sizes its request limit from this.
 */
export const IMPORT_MAX_MB = 64;
export const IMPORT_MAX_BYTES = IMPORT_MAX_MB * 1024 * 1024;
export const IMPORT_TOO_LARGE = `Files over ${IMPORT_MAX_MB} MB are not accepted`;

export const ImportSource = z.strictObject({
  format: ImportFormat,
  fileName: z.string().max(260),
  text: z.string().max(IMPORT_MAX_BYTES, IMPORT_TOO_LARGE),
  /** Omitted on the first preview: the suggested mapping is used and returned. */
  mapping: ColumnMapping.optional(),
});
export type ImportSource = z.infer<typeof ImportSource>;

export const RowRejection = z.strictObject({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type RowRejection = z.infer<typeof RowRejection>;

export const ImportCounts = z.strictObject({
  read: z.number().int(),
  /** New item ids. */
  imported: z.number().int(),
  /** Known item ids whose fields changed. */
  updated: z.number().int(),
  /** Known item ids with nothing new: re-importing the same file changes nothing. */
  skipped: z.number().int(),
  /** Rows left out: a row with three problems is one rejected row. */
  rejected: z.number().int(),
  /** Problems found in those rows: the report lists each one. */
  problems: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportPreview = z.strictObject({
  headers: z.array(z.string()),
  mapping: ColumnMapping,
  missingRequired: z.array(ImportTargetField),
  counts: ImportCounts,
  rejections: z.array(RowRejection),
  /** The first rows as they would be stored, for the preview table. */
  sample: z.array(
    z.strictObject({ line: z.number().int(), itemId: z.string(), product: z.string(), quota: z.string(), expiresOn: z.string().nullable(), outcome: z.enum(['new', 'update', 'same']) }),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportMode = z.enum(['all-or-nothing', 'valid-only']);
export type ImportMode = z.infer<typeof ImportMode>;

/** What the import service commits: the file's text with a mapping and a mode. */
export const ImportCommitInput = ImportSource.extend({
  mapping: ColumnMapping,
  /** all-or-nothing (the default) writes nothing when any row is rejected. */
  mode: ImportMode,
});
export type ImportCommitInput = z.infer<typeof ImportCommitInput>;

/**
 * A chosen file crosses IPC once, to be staged; preview, mapping changes and commit then name it by
 * its staged id. A staged file is dropped after STAGED_IMPORT_MINUTES unused, and once imported.
 */
export const STAGED_IMPORT_MINUTES = 30;
export const StagedId = z.string().regex(/^stg-[A-Za-z0-9_-]{8,40}$/, 'Not a staged import id');
export const StageInput = ImportSource.omit({ mapping: true });
export type StageInput = z.infer<typeof StageInput>;
export const StagedImport = z.strictObject({
  stagedId: StagedId,
  fileName: z.string(),
  format: ImportFormat,
  /** UTF-8 bytes of the staged text. */
  bytes: z.number().int().min(0),
  sha256: z.string(),
  expiresAt: z.string(),
});
export type StagedImport = z.infer<typeof StagedImport>;
export const StagedPreviewInput = z.strictObject({ stagedId: StagedId, mapping: ColumnMapping.optional() });
export type StagedPreviewInput = z.infer<typeof StagedPreviewInput>;
export const StagedCommitInput = z.strictObject({ stagedId: StagedId, mapping: ColumnMapping, mode: ImportMode });
export type StagedCommitInput = z.infer<typeof StagedCommitInput>;

export const ImportReport = z.strictObject({
  batchId: z.number().int().nullable(),
  written: z.boolean(),
  counts: ImportCounts,
  rejections: z.array(RowRejection),
  message: z.string(),
});
export type ImportReport = z.infer<typeof ImportReport>;
