import { z } from 'zod';
import { decodeBase64Strict, decodeUtf8Strict, encodeBase64, encodeUtf8 } from './base64.js';
import { LicenseKeyError } from './errors.js';

export const DLS2_PREFIX = 'DLS2';

export interface Dls2Fields {
  handshakeCode?: string;
  mainServerURL?: string;
  /** Always known after decoding: from the key, or from the handshake code's prefix. */
  organizationID: string;
  standbyServerURL?: string;
  checkCode?: number;
  sessionPassword?: string;
  /** Set when the key has no organizationID and it was read from the handshake code. */
  organizationFromCode?: true;
}

/** What encodeDls2 takes: a key may name only a project or only an organization. */
export type Dls2Input = Omit<Dls2Fields, 'organizationID'> & { organizationID?: string };

/** The order the customer portal writes the fields in, so keys we build look like theirs. */
const PORTAL_ORDER = [
  'handshakeCode',
  'mainServerURL',
  'organizationID',
  'standbyServerURL',
  'checkCode',
  'sessionPassword',
] as const satisfies readonly Exclude<keyof Dls2Fields, 'organizationFromCode'>[];

// With the `u` flag a correctly paired surrogate is one code point, so this only matches
// unpaired halves. JSON escapes such as "\ud800" can produce them, and they cannot be written
// back as UTF-8, so a key holding one could never be re-encoded faithfully.
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;

const Text = z.string().refine((s) => !UNPAIRED_SURROGATE.test(s), 'Contains a broken character');

function hasSpaceOrControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return true;
  }
  return false;
}

// Not z.url() with a hostname pattern: self-hosted License Servers are often reached by IP
// address or a single-label intranet name, which domain patterns reject.
function isHttpUrl(s: string): boolean {
  // The URL parser quietly strips surrounding spaces and inner tabs/newlines; a key holding
  // them has been tampered with or mangled, so refuse rather than normalise.
  if (hasSpaceOrControl(s)) return false;
  try {
    const url = new URL(s);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const HttpUrl = Text.refine(isHttpUrl, 'Not an http or https address');

const ORG_ID = /^[0-9]{1,12}$/;

const FieldsShape = z.strictObject({
  handshakeCode: Text.optional(),
  mainServerURL: HttpUrl.optional(),
  organizationID: z.string().regex(ORG_ID, 'Digits only').optional(),
  standbyServerURL: HttpUrl.optional(),
  // The algorithm behind checkCode is unknown (docs/domain-notes.md §2a), so only its range is checked.
  checkCode: z.int32().optional(),
  sessionPassword: Text.optional(),
});

/**
 * Public sample keys carry only some of the portal's fields (docs/domain-notes.md §2a): an organization alone,
 * or a handshake code without its organization. A key must name at least one of the two; a code
 * given alone starts with its organization's ID.
 */
const KeyJsonSchema = FieldsShape.refine((f) => f.handshakeCode !== undefined || f.organizationID !== undefined, {
  path: ['organizationID'],
  error: 'Names neither a project nor an organization',
}).refine(
  (f) => {
    if (f.handshakeCode === undefined) return true;
    const org = f.organizationID ?? organizationOfCode(f.handshakeCode);
    return org !== null && f.handshakeCode.startsWith(`${org}-`) && f.handshakeCode.length > org.length + 1;
  },
  { path: ['handshakeCode'], error: 'Must be {organizationID}-{suffix}' },
);

/** Decoded fields, as the rest of the app relies on them: the organization is always known. */
export const Dls2FieldsSchema = FieldsShape.extend({
  organizationID: z.string().regex(ORG_ID, 'Digits only'),
  organizationFromCode: z.literal(true).optional(),
}).refine((f) => f.handshakeCode === undefined || (f.handshakeCode.startsWith(`${f.organizationID}-`) && f.handshakeCode.length > f.organizationID.length + 1), {
  path: ['handshakeCode'],
  error: 'Must be {organizationID}-{suffix}',
});

/** The organization a handshake code belongs to: the digits before its first "-" (docs/domain-notes.md §1). */
export function organizationOfCode(code: string): string | null {
  const dash = code.indexOf('-');
  if (dash <= 0 || dash === code.length - 1) return null;
  const org = code.slice(0, dash);
  return ORG_ID.test(org) ? org : null;
}

const FIELD_PROBLEMS: Record<Exclude<keyof Dls2Fields, 'organizationFromCode'>, string> = {
  handshakeCode:
    'its project ID (handshakeCode) is not in the form {organization ID}-{suffix} for the same organization',
  mainServerURL: 'its main server address is not an http or https web address',
  organizationID: 'its organization ID is not 1 to 12 digits',
  standbyServerURL: 'its standby server address is not an http or https web address',
  checkCode: 'its check code is not a whole number in the expected range',
  sessionPassword: 'its session password is not valid text',
};

/**
 * Portal keys write the organization ID as a string of digits; some keys write it as a JSON number.
 * A whole number is the same ID; anything else gets a reason that says what is wrong with it.
 */
function organizationIdProblem(value: unknown): { ok: true; value: string } | { ok: false; problem: string } {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0 && String(value).length <= 12) return { ok: true, value: String(value) };
    if (!Number.isInteger(value)) return { ok: false, problem: 'its organization ID is a number with a fraction, not a whole number' };
    if (value < 0) return { ok: false, problem: 'its organization ID is a negative number' };
    return { ok: false, problem: 'its organization ID is a number longer than 12 digits' };
  }
  if (typeof value !== 'string') return { ok: false, problem: 'its organization ID is neither digits nor a number' };
  if (value === '') return { ok: false, problem: 'its organization ID is empty' };
  if (!/^[0-9]+$/.test(value)) return { ok: false, problem: 'its organization ID holds characters other than the digits 0-9' };
  if (value.length > 12) return { ok: false, problem: 'its organization ID is longer than 12 digits' };
  return { ok: true, value };
}

function isFieldName(name: unknown): name is keyof typeof FIELD_PROBLEMS {
  return typeof name === 'string' && Object.hasOwn(FIELD_PROBLEMS, name);
}

// Field names are shown so a newer key format is recognisable, but only when they look like
// identifiers: arbitrary text from a key does not belong in a message that may be logged.
const SHOWABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** Plain-language reason built from the first issue only; zod's own messages can quote input. */
function explainShape(subject: string, issues: readonly z.core.$ZodIssue[], input: unknown): string {
  const issue = issues[0];
  if (issue === undefined || typeof input !== 'object' || input === null || Array.isArray(input)) {
    return `${subject} does not hold the fields an online license key has.`;
  }
  if (issue.code === 'unrecognized_keys') {
    const shown = issue.keys.filter((k) => SHOWABLE_NAME.test(k));
    const names = shown.length > 0 ? ` (${shown.map((k) => `"${k}"`).join(', ')})` : '';
    return `${subject} has fields this app does not know${names}. It may be damaged, or come from a newer key format.`;
  }
  const field = issue.path[0];
  if (field === 'organizationID' && !Object.hasOwn(input, 'organizationID')) {
    return `${subject} names neither a project (handshakeCode) nor an organization (organizationID); an online license key carries at least one of them.`;
  }
  if (field === 'handshakeCode' && !Object.hasOwn(input, 'organizationID')) {
    return `${subject} is not valid: its project ID (handshakeCode) does not start with an organization ID ({organization ID}-{suffix}), and the key has no organizationID of its own.`;
  }
  if (isFieldName(field)) return `${subject} is not valid: ${FIELD_PROBLEMS[field]}.`;
  return `${subject} does not hold the fields an online license key has.`;
}

/** Checks the fields and fills in the organization from the handshake code when the key leaves it out. */
function readFields(subject: string, json: unknown): Dls2Fields {
  let input = json;
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && Object.hasOwn(json, 'organizationID')) {
    const org = organizationIdProblem((json as Record<string, unknown>).organizationID);
    if (!org.ok) throw new LicenseKeyError('bad-shape', `${subject} is not valid: ${org.problem}.`);
    input = { ...json, organizationID: org.value };
  }
  const parsed = KeyJsonSchema.safeParse(input);
  if (!parsed.success) throw new LicenseKeyError('bad-shape', explainShape(subject, parsed.error.issues, input));
  const { organizationID, ...rest } = parsed.data;
  if (organizationID !== undefined) return { ...rest, organizationID };
  // The refinements above guarantee a code whose prefix is an organization ID.
  return { ...rest, organizationID: organizationOfCode(rest.handshakeCode ?? '') ?? '', organizationFromCode: true };
}

/** Decodes what follows the `DLS2` prefix. */
export function decodeDls2Body(body: string): Dls2Fields {
  const b64 = decodeBase64Strict(body);
  if (!b64.ok) {
    throw new LicenseKeyError(
      'not-base64',
      b64.problem === 'alphabet'
        ? 'This DLS2 key contains characters that never appear in a license key: check for spaces, line breaks or quote marks picked up when copying.'
        : 'This DLS2 key is not valid base64: it may have been cut off when copied.',
    );
  }
  const text = decodeUtf8Strict(b64.bytes);
  let json: unknown;
  try {
    if (text === null) throw new Error('not UTF-8');
    json = JSON.parse(text);
  } catch {
    throw new LicenseKeyError(
      'not-json',
      'This DLS2 key does not decode to license data: it may have been cut off or changed when copied.',
    );
  }
  return readFields('This DLS2 key', json);
}

/** Builds a key the way the portal does: `DLS2` + padded standard base64 of UTF-8 JSON. */
export function encodeDls2(fields: Dls2Input): string {
  const { organizationFromCode, organizationID, ...rest } = fields;
  const checked = readFields('This online key', organizationFromCode || organizationID === undefined ? rest : { ...rest, organizationID });
  const ordered: Record<string, unknown> = {};
  for (const name of PORTAL_ORDER) {
    // A derived organization was not in the key, so it is not written back into it.
    if (name === 'organizationID' && checked.organizationFromCode) continue;
    const value = checked[name];
    if (value !== undefined) ordered[name] = value;
  }
  return DLS2_PREFIX + encodeBase64(encodeUtf8(JSON.stringify(ordered)));
}
