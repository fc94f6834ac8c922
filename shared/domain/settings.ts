import { z } from 'zod';

const WHOLE_DAYS = 'Use a whole number of days';

/**
 * The one definition of usable status settings: the IPC contract validates with it, the settings
 * form shows its messages, and the status rules assert it (`statusSettingsIssues` in shared/status).
 * Amber needs at least one day, or the amber band could never be reached before red.
 */
export const StatusSettingsSchema = z
  .strictObject({
    amberDays: z.number({ error: WHOLE_DAYS }).int(WHOLE_DAYS).min(1, 'Amber needs at least 1 day').max(365, 'At most 365 days'),
    redDays: z.number({ error: WHOLE_DAYS }).int(WHOLE_DAYS).min(0, 'Use 0 days or more').max(365, 'At most 365 days'),
  })
  // A red window wider than the amber one would make amber unreachable and the bands meaningless.
  .refine((s) => s.redDays <= s.amberDays, { path: ['redDays'], message: 'Red must not be more days than amber', when: (p) => p.issues.length === 0 });
