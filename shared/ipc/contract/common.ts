import { z } from 'zod';

/** Input shapes several domains share. */
export const Id = z.strictObject({ id: z.number().int().positive() });
export const Text = z.strictObject({ text: z.string().max(256 * 1024) });
export const ExportFile = z.strictObject({ fileName: z.string(), mimeType: z.string(), content: z.string() });
