import { z } from 'zod';
import { Product } from '../../domain/product.js';
import { StatusSettingsSchema } from '../../domain/settings.js';
import { read, write } from './define.js';

/**
 * Where the browser host saves files (exports, documents): `applies` is false where each save asks
 * with a dialog (the Electron app). `chosen` is the folder named in Settings, null for the default.
 */
export const SaveFolderInfo = z.strictObject({
  applies: z.boolean(),
  chosen: z.string().nullable(),
  inUse: z.string().nullable(),
  defaultFolder: z.string().nullable(),
});
export type SaveFolderInfo = z.output<typeof SaveFolderInfo>;

export const settingsChannels = {
  'settings:get': read(z.undefined(), StatusSettingsSchema),
  'settings:update': write(StatusSettingsSchema, StatusSettingsSchema),
  'settings:saveFolder': read(z.undefined(), SaveFolderInfo),
  'settings:setSaveFolder': write(z.strictObject({ folder: z.string().trim().min(1).max(4096).nullable() }), SaveFolderInfo),

  'products:list': read(z.undefined(), z.array(Product)),
  'products:create': write(
    z.strictObject({
      code: z.string().trim().regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'Capital letters, digits and dashes; 2 to 16 characters'),
      name: z.string().trim().min(1).max(200),
      editions: z.array(z.string().trim().min(1).max(120)).max(50),
    }),
    Product,
  ),
} as const;
