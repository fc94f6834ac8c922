import { z } from 'zod';

/** Input shapes several domains share. */
export const Id = z.strictObject({ id: z.number().int().positive() });
export const Text = z.strictObject({ text: z.string().max(256 * 1024) });
/** A file written through the platform port: where it went and how big it is. */
export const SavedFile = z.strictObject({ path: z.string(), bytes: z.number().int().min(0) });
/** An export is written to a file by the main side; null `saved` means the user closed the save dialog. */
export const ExportResult = z.strictObject({ fileName: z.string(), rows: z.number().int().min(0), saved: SavedFile.nullable() });
