import { StatusSettingsSchema } from '../domain/settings.js';

/**
 * How close to expiry a license must be before it turns amber, then red. Both are counted in whole
 * calendar days left (see `daysLeft`), inclusive: with `redDays: 14` a license with 14 days left is red.
 */
export interface StatusSettings {
  amberDays: number;
  redDays: number;
}

/**
 * 30 and 14 match Dynamsoft's own reminder e-mails (docs/domain-notes.md §4.3: 90/60/30/14/7/0 days), so the
 * colours change on the same days the vendor's e-mails arrive.
 */
export const DEFAULT_STATUS_SETTINGS: StatusSettings = Object.freeze({ amberDays: 30, redDays: 14 });

/**
 * Problems with a settings value, phrased for a settings form; empty when the settings are usable.
 * The rules are the schema's (one definition for the contract, the form and the status rules).
 */
export function statusSettingsIssues(settings: StatusSettings): { path: keyof StatusSettings; message: string }[] {
  const parsed = StatusSettingsSchema.safeParse(settings);
  if (parsed.success) return [];
  const issues: { path: keyof StatusSettings; message: string }[] = [];
  for (const i of parsed.error.issues) {
    const path = i.path[0] as keyof StatusSettings;
    // One message per field: the first rule it breaks.
    if (!issues.some((x) => x.path === path)) issues.push({ path, message: i.message });
  }
  return issues;
}

/**
 * Throws on unusable settings. The settings store validates with `statusSettingsIssues` before saving,
 * so reaching this with bad values is a programming error and should fail loudly rather than colour
 * licenses wrongly.
 */
export function assertStatusSettings(settings: StatusSettings): StatusSettings {
  const issues = statusSettingsIssues(settings);
  const first = issues[0];
  if (first) throw new RangeError(`Invalid status settings (${first.path}): ${first.message}`);
  return settings;
}
