/**
 * How close to expiry a license must be before it turns amber, then red. Both are counted in whole
 * calendar days left (see `daysLeft`), inclusive: with `redDays: 14` a license with 14 days left is red.
 */
export interface StatusSettings {
  amberDays: number;
  redDays: number;
}

/**
 * 30 and 14 match Dynamsoft's own reminder e-mails (domain.md §4.3: 90/60/30/14/7/0 days), so the
 * colours change on the same days the vendor's e-mails arrive.
 */
export const DEFAULT_STATUS_SETTINGS: StatusSettings = Object.freeze({ amberDays: 30, redDays: 14 });

/** Problems with a settings value, phrased for a settings form; empty when the settings are usable. */
export function statusSettingsIssues(settings: StatusSettings): { path: keyof StatusSettings; message: string }[] {
  const issues: { path: keyof StatusSettings; message: string }[] = [];
  if (!Number.isInteger(settings.amberDays) || settings.amberDays < 0) {
    issues.push({ path: 'amberDays', message: 'Use a whole number of days, 0 or more' });
  }
  if (!Number.isInteger(settings.redDays) || settings.redDays < 0) {
    issues.push({ path: 'redDays', message: 'Use a whole number of days, 0 or more' });
  }
  // A red window wider than the amber one would make amber unreachable and the bands meaningless.
  if (issues.length === 0 && settings.redDays > settings.amberDays) {
    issues.push({ path: 'redDays', message: 'The red warning cannot start before the amber one' });
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
