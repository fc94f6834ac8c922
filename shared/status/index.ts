export { assertStatusSettings, DEFAULT_STATUS_SETTINGS, statusSettingsIssues, type StatusSettings } from './settings.js';
export { daysLeft, expiryInstant, localDate, timeState, type TimeInput, type TimeState } from './time.js';
export { overuseLimit, quotaPercent, quotaState, type QuotaInput, type QuotaState } from './quota.js';
export {
  headline,
  HEADLINE_PRECEDENCE,
  licenseStatus,
  quotaHeadline,
  timeHeadline,
  type Headline,
  type LicenseStatus,
  type StatusInput,
} from './headline.js';
export { countdown, nextReminder, REMINDER_DAYS, type Countdown } from './countdown.js';
export {
  HEADLINE_LABELS,
  QUOTA_STATE_LABELS,
  TIME_STATE_LABELS,
  type StatusLabel,
  type StatusTone,
} from './labels.js';
