import { z } from 'zod';

export const StatusSettingsSchema = z
  .strictObject({
    amberDays: z.number().int().min(1).max(365),
    redDays: z.number().int().min(0).max(365),
  })
  .refine((s) => s.redDays <= s.amberDays, { path: ['redDays'], message: 'Red must not be more days than amber' });
