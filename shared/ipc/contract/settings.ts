import { z } from 'zod';
import { Product } from '../../domain/product.js';
import { StatusSettingsSchema } from '../../domain/settings.js';
import { read, write } from './define.js';

export const settingsChannels = {
  'settings:get': read(z.undefined(), StatusSettingsSchema),
  'settings:update': write(StatusSettingsSchema, StatusSettingsSchema),

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
