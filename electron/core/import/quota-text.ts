import type { DeviceWindow, LicenseTerm, QuotaMode } from '../../../shared/domain/quota.js';

/**
 * Reading quota modes, device windows, terms and counts out of the free text Dynamsoft prints in
 * product sale names (docs/domain-notes.md §3) and that people type into their own spreadsheets.
 */

export interface QuotaPhrase {
  quotaMode: QuotaMode;
  deviceWindow: DeviceWindow | null;
  quotaAmount: number | null;
}

// "10,000" or "100000": sale names use comma thousands separators.
const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;

/**
 * Parses a whole count written with optional thousands separators ("10,000", "10 000", "25").
 * Decimals are refused rather than rounded: "10.000" means ten thousand in some locales and ten in
 * others, and a quota is never fractional.
 */
const DIGITS = /^\d+$/;

export function parseCount(s: string): number | null {
  // Plain digits, the usual cell, need none of the separator handling below.
  if (DIGITS.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : null;
  }
  const t = s.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (!/^(?:\d{1,3}(?:[, ]\d{3})+|\d+)$/.test(t)) return null;
  const n = Number(t.replace(/[, ]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

function windowFrom(word: string | undefined): DeviceWindow | null {
  switch (word) {
    case 'yearly':
    case 'annual':
    case 'annually':
      return 'yearly';
    case 'quarterly':
      return 'quarterly';
    case 'monthly':
      return 'monthly';
    case 'daily':
      return 'daily';
    default:
      return null;
  }
}

const DEVICE_NOUN = String.raw`(?:devices?|computers?|machines?|workstations?|pcs?|users?)`;

// Ordered most specific first: "concurrent devices" must win over plain "devices".
const PATTERNS: { re: RegExp; mode: QuotaMode; windowGroup?: number }[] = [
  { re: new RegExp(String.raw`${NUM}\s+concurrent\s+(?:reader\s+)?(?:instances?|threads?)\b`), mode: 'concurrent-instances' },
  { re: new RegExp(String.raw`${NUM}\s+concurrent\s+(?:client\s+)?${DEVICE_NOUN}\b`), mode: 'concurrent-devices' },
  { re: new RegExp(String.raw`${NUM}\s+offline\s+(?:registered\s+)?${DEVICE_NOUN}\b`), mode: 'offline-devices' },
  { re: new RegExp(String.raw`${NUM}\s+(?:barcode\s+)?scans?\b`), mode: 'scans' },
  { re: new RegExp(String.raw`${NUM}\s+(?:scanned\s+|imported\s+)?pages?\b`), mode: 'pages' },
  {
    re: new RegExp(String.raw`${NUM}\s+(yearly|annual|annually|quarterly|monthly|daily)\s+active\s+(?:(?:end[- ]?user|client)\s+)?${DEVICE_NOUN}\b`),
    mode: 'devices',
    windowGroup: 2,
  },
  {
    re: new RegExp(String.raw`${NUM}\s+(?:(?:client|end[- ]?user|desktop|mobile|registered|unique|active)\s+)*${DEVICE_NOUN}\b`),
    mode: 'devices',
  },
  { re: new RegExp(String.raw`${NUM}\s+(?:server|servers)\b`), mode: 'servers' },
  { re: new RegExp(String.raw`${NUM}\s+(?:domain|domains)\b`), mode: 'domains' },
];

/**
 * Finds the quota mode, device window and amount in a sale name such as
 * "(Annual License for Up to 25 Quarterly Active End-User Computers)".
 * "per server deployment" / "per domain" carry no unit count: the amount is the number of licenses
 * bought ("1 annual runtime license") or 1, since each license covers one server or domain.
 */
export function detectQuotaPhrase(text: string): QuotaPhrase | null {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  for (const p of PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    const amount = parseCount(m[1] ?? '');
    const deviceWindow = p.windowGroup !== undefined ? windowFrom(m[p.windowGroup]) : windowNear(t, p.mode);
    return { quotaMode: p.mode, deviceWindow, quotaAmount: amount };
  }
  const perUnit = /\bper\s+(server|domain)\b/.exec(t);
  if (perUnit) {
    const licences = new RegExp(String.raw`${NUM}\s+(?:[a-z]+\s+){0,3}licen[cs]es?\b`).exec(t);
    const amount = licences ? parseCount(licences[1] ?? '') : 1;
    return { quotaMode: perUnit[1] === 'server' ? 'servers' : 'domains', deviceWindow: null, quotaAmount: amount };
  }
  return null;
}

// "Per Quarterly Active Device, up to 30 devices": the window can sit apart from the count.
function windowNear(t: string, mode: QuotaMode): DeviceWindow | null {
  if (mode !== 'devices') return null;
  const m = /\b(yearly|quarterly|monthly|daily) active\b/.exec(t);
  return windowFrom(m?.[1]);
}

/**
 * Reads a quota-mode cell typed by a person or exported by us: the enum value ("concurrent-devices"),
 * the app's label ("Per concurrent device"), or the portal's wording ("Quarterly Active Device").
 */
export function parseQuotaModeText(s: string): { quotaMode: QuotaMode; deviceWindow: DeviceWindow | null } | null {
  const t = ` ${s.toLowerCase().replace(/[^a-z]+/g, ' ').trim()} `;
  if (t.trim() === '') return null;
  const has = (w: string) => t.includes(` ${w}`);
  let quotaMode: QuotaMode | null = null;
  if (has('concurrent') && (has('instance') || has('thread'))) quotaMode = 'concurrent-instances';
  else if (has('concurrent')) quotaMode = 'concurrent-devices';
  else if (has('offline')) quotaMode = 'offline-devices';
  else if (has('scan')) quotaMode = 'scans';
  else if (has('page')) quotaMode = 'pages';
  else if (has('server')) quotaMode = 'servers';
  else if (has('domain')) quotaMode = 'domains';
  else if (has('device') || has('computer') || has('client') || has('machine') || has('seat')) quotaMode = 'devices';
  if (!quotaMode) return null;
  const w = /\b(yearly|quarterly|monthly|daily)\b/.exec(t);
  return { quotaMode, deviceWindow: quotaMode === 'devices' ? windowFrom(w?.[1]) : null };
}

/**
 * Annual vs lifetime. "Lifetime"/"perpetual" wins over "annual" because lifetime sale names mention
 * annual maintenance ("Lifetime license with 1 year annual maintenance").
 */
export function parseTermText(s: string): LicenseTerm | null {
  const t = s.toLowerCase();
  if (/\b(lifetime|perpetual)\b/.test(t)) return 'lifetime';
  if (/\b(annual|annually|yearly|year|subscription)\b/.test(t)) return 'annual';
  return null;
}

/** The License Server's usage text, e.g. "0 of 100000 (0.00 %) devices used". */
export interface UsageText {
  used: number;
  quota: number;
  /** From the unit ("devices", "barcode scans", "pages"), when it names one. */
  quotaMode: QuotaMode | null;
}

const USAGE_TEXT = new RegExp(String.raw`^${NUM}\s+of\s+${NUM}\s*(?:\(\s*[\d.,]+\s*%\s*\))?\s*([a-z -]*?)\s*(?:used)?$`);

export function parseUsageText(s: string): UsageText | null {
  const m = USAGE_TEXT.exec(s.toLowerCase().replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const used = parseCount(m[1] ?? '');
  const quota = parseCount(m[2] ?? '');
  if (used === null || quota === null) return null;
  const unit = (m[3] ?? '').trim();
  return { used, quota, quotaMode: unit === '' ? null : (parseQuotaModeText(unit)?.quotaMode ?? null) };
}

const PER_UNIT = /\bper\s+((?:(?:yearly|annual|quarterly|monthly|daily|concurrent|active|client|barcode|reader)\s+){0,3})(device|computer|page|scan|server|domain|instance)s?\b/;

/**
 * "per device", "per quarterly active device", "per page", "per barcode scan": item names on the
 * License Server state the mode this way, often without a count.
 */
export function detectPerUnitMode(text: string): { quotaMode: QuotaMode; deviceWindow: DeviceWindow | null } | null {
  const m = PER_UNIT.exec(text.toLowerCase().replace(/\s+/g, ' '));
  if (!m) return null;
  return parseQuotaModeText(`${m[1] ?? ''}${m[2] ?? ''}`);
}
