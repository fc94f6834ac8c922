import { z } from 'zod';
import { decodeBase64Strict, decodeUtf8Strict, encodeBase64, encodeUtf8 } from './base64.js';
import { LicenseKeyError } from './errors.js';

export const DLS2_PREFIX = 'DLS2';

export interface Dls2Fields {
  handshakeCode?: string;
  mainServerURL?: string;
  organizationID: string;
  standbyServerURL?: string;
  checkCode?: number;
  sessionPassword?: string;
}

/** The order the customer portal writes the fields in, so keys we build look like theirs. */
const PORTAL_ORDER = [
  'handshakeCode',
  'mainServerURL',
  'organizationID',
  'standbyServerURL',
  'checkCode',
  'sessionPassword',
] as const satisfies readonly (keyof Dls2Fields)[];

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

export const Dls2FieldsSchema = z
  .strictObject({
    handshakeCode: Text.optional(),
    mainServerURL: HttpUrl.optional(),
    organizationID: z.string().regex(/^[0-9]{1,12}$/, 'Digits only'),
    standbyServerURL: HttpUrl.optional(),
    // The algorithm behind checkCode is unknown (docs/domain-notes.md §2a), so only its range is checked.
    checkCode: z.int32().optional(),
    sessionPassword: Text.optional(),
  })
  .refine(
    (f) =>
      f.handshakeCode === undefined ||
      (f.handshakeCode.startsWith(`${f.organizationID}-`) &&
        f.handshakeCode.length > f.organizationID.length + 1),
    { path: ['handshakeCode'], error: 'Must be {organizationID}-{suffix}' },
  );

const FIELD_PROBLEMS: Record<keyof Dls2Fields, string> = {
  handshakeCode:
    'its project ID (handshakeCode) is not in the form {organization ID}-{suffix} for the same organization',
  mainServerURL: 'its main server address is not an http or https web address',
  organizationID: 'its organization ID is not a number',
  standbyServerURL: 'its standby server address is not an http or https web address',
  checkCode: 'its check code is not a whole number in the expected range',
  sessionPassword: 'its session password is not valid text',
};

function isFieldName(name: unknown): name is keyof Dls2Fields {
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
    return `${subject} has no organization ID, which every online license key carries.`;
  }
  if (isFieldName(field)) return `${subject} is not valid: ${FIELD_PROBLEMS[field]}.`;
  return `${subject} does not hold the fields an online license key has.`;
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
  const parsed = Dls2FieldsSchema.safeParse(json);
  if (!parsed.success) {
    throw new LicenseKeyError('bad-shape', explainShape('This DLS2 key', parsed.error.issues, json));
  }
  const fields: Dls2Fields = parsed.data;
  return fields;
}

/** Builds a key the way the portal does: `DLS2` + padded standard base64 of UTF-8 JSON. */
export function encodeDls2(fields: Dls2Fields): string {
  const parsed = Dls2FieldsSchema.safeParse(fields);
  if (!parsed.success) {
    throw new LicenseKeyError('bad-shape', explainShape('This online key', parsed.error.issues, fields));
  }
  const ordered: Record<string, unknown> = {};
  for (const name of PORTAL_ORDER) {
    const value = parsed.data[name];
    if (value !== undefined) ordered[name] = value;
  }
  return DLS2_PREFIX + encodeBase64(encodeUtf8(JSON.stringify(ordered)));
}
