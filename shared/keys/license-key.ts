/*
 * Recognises and decodes the Dynamsoft license key formats described in
 * docs/domain-notes.md §2. Runs in the renderer and in Node, so it uses only web-platform APIs.
 */
import { decodeBase64Strict } from './base64.js';
import { DLS2_PREFIX, decodeDls2Body, type Dls2Fields } from './dls2.js';
import { LicenseKeyError } from './errors.js';

export { Dls2FieldsSchema, encodeDls2, type Dls2Fields } from './dls2.js';
export { LicenseKeyError, type LicenseKeyErrorReason } from './errors.js';

/**
 * Real keys are a few hundred characters. The cap keeps a stray paste of a whole document from
 * reaching base64/JSON decoding, whose cost grows with the input.
 */
export const MAX_KEY_LENGTH = 4096;

export type DecodedKey =
  | { kind: 'dls2'; fields: Dls2Fields }
  | { kind: 'trial' | 'offline'; declaredLength: number }
  | { kind: 'device-authorization' };

const DLC2_PREFIX = 'DLC2';

// One letter, four digits of payload byte length, then base64 (docs/domain-notes.md §2b).
// `\d` without the `u` flag is ASCII only, so other scripts' digits cannot sneak in.
const PRODUCT_KEY = /^([tf])(\d{4})([\s\S]*)$/;

// DLC2 strings are opaque; this only rules out text that cannot have come from the portal.
const BASE64_LIKE = /^[A-Za-z0-9+/=_-]+$/;

const ACCEPTED_FORMATS =
  'online keys starting with "DLS2", trial keys starting with "t0" and offline keys starting with "f0" ' +
  '(a letter and four digits), and device authorizations starting with "DLC2"';

export function decodeLicenseKey(input: string): DecodedKey {
  const key = input.trim();
  if (key === '') throw new LicenseKeyError('empty', 'No license key was entered.');
  if (key.length > MAX_KEY_LENGTH) {
    throw new LicenseKeyError(
      'too-long',
      `This text is too long to be a license key (over ${MAX_KEY_LENGTH} characters). Paste one key at a time.`,
    );
  }

  if (key.startsWith(DLS2_PREFIX)) {
    return { kind: 'dls2', fields: decodeDls2Body(key.slice(DLS2_PREFIX.length)) };
  }
  if (key.startsWith(DLC2_PREFIX)) {
    if (!BASE64_LIKE.test(key.slice(DLC2_PREFIX.length))) {
      throw new LicenseKeyError(
        'not-base64',
        'This device authorization (DLC2) is incomplete or contains characters it never has: it may have been cut off or changed when copied.',
      );
    }
    return { kind: 'device-authorization' };
  }
  const product = PRODUCT_KEY.exec(key);
  if (product !== null) {
    const [, letter, digits, payload] = product;
    return decodeProductKey(letter === 't' ? 'trial' : 'offline', Number(digits), payload ?? '');
  }
  throw new LicenseKeyError(
    'unrecognized',
    `This is not a license key format this app recognizes. It accepts ${ACCEPTED_FORMATS}.`,
  );
}

function decodeProductKey(
  kind: 'trial' | 'offline',
  declaredLength: number,
  payload: string,
): DecodedKey {
  const label = kind === 'trial' ? 'trial key' : 'offline key';
  if (declaredLength === 0) {
    throw new LicenseKeyError(
      'bad-shape',
      `This ${label} declares an empty payload, which no real key has.`,
    );
  }
  const b64 = decodeBase64Strict(payload);
  if (!b64.ok) {
    throw new LicenseKeyError(
      'not-base64',
      b64.problem === 'alphabet'
        ? `This ${label} contains characters that never appear in a license key: check for spaces, line breaks or quote marks picked up when copying.`
        : `This ${label} is not valid base64: it may have been cut off when copied.`,
    );
  }
  const actual = b64.bytes.length;
  if (actual !== declaredLength) {
    const hint =
      actual < declaredLength ? 'it may have been cut off when copied' : 'it may have been joined to other text';
    throw new LicenseKeyError(
      'length-mismatch',
      `This ${label} says it holds ${declaredLength} bytes but holds ${actual}: ${hint}.`,
    );
  }
  return { kind, declaredLength };
}

// Base64 and key prefixes never contain quotes, so quotes around keys copied from source code
// (`ProductKey = "t0068…;f0068…"`) can be treated as separators too. Zero-width characters
// come along when copying from web pages and chat apps, and \s does not cover them.
const SEPARATORS = /[\s,;"'`\u200B-\u200D\u2060]+/;

/**
 * Splits a paste of one or many keys. `;` is a separator because DWT joins several offline
 * keys into one ProductKey string with it, and each part is a key of its own.
 */
export function splitPastedKeys(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(SEPARATORS)) {
    if (part !== '') seen.add(part);
  }
  return [...seen];
}

const BULLET = '•';
const MAX_BULLETS = 12;
const VISIBLE_EACH_END = 4;

/** Keys are secrets: show just enough to tell two keys apart on screen. */
export function maskKey(key: string): string {
  // Code points, so masking never splits a surrogate pair into broken text.
  const chars = Array.from(key.trim());
  if (chars.length <= 3 * VISIBLE_EACH_END) return BULLET.repeat(chars.length);
  const hidden = Math.min(chars.length - 2 * VISIBLE_EACH_END, MAX_BULLETS);
  return (
    chars.slice(0, VISIBLE_EACH_END).join('') +
    BULLET.repeat(hidden) +
    chars.slice(-VISIBLE_EACH_END).join('')
  );
}

const MAX_SHOWN_ID = 80;

// A handshake suffix is free text from the key; control and bidi-override characters would
// break the single line or reorder what is shown around it.
function displayable(text: string): string {
  const clean = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '?');
  const chars = Array.from(clean);
  return chars.length > MAX_SHOWN_ID ? `${chars.slice(0, MAX_SHOWN_ID - 1).join('')}…` : clean;
}

/** The main server, by host name: two organization keys often differ only there (a test server). */
function serverPart(url: string | undefined): string {
  if (url === undefined) return 'no server named (the SDK default)';
  try {
    return `main server ${displayable(new URL(url).host)}`;
  } catch {
    return 'main server unreadable';
  }
}

/** One line for lists and logs. Never mentions the session password, not even its presence. */
export function describeKey(k: DecodedKey): string {
  switch (k.kind) {
    case 'dls2':
      return k.fields.handshakeCode !== undefined
        ? `Online key (DLS2) for project ${displayable(k.fields.handshakeCode)}`
        : // Without a handshake code the SDK uses the organization's default project (docs/domain-notes.md §1).
          `Online key (DLS2) for organization ${k.fields.organizationID}'s default project, ${serverPart(k.fields.mainServerURL)}`;
    case 'trial':
      return `Trial key, ${k.declaredLength}-byte payload`;
    case 'offline':
      return `Offline key, ${k.declaredLength}-byte payload`;
    case 'device-authorization':
      return 'Device authorization (DLC2)';
  }
}
