import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  MAX_KEY_LENGTH,
  Dls2FieldsSchema,
  LicenseKeyError,
  decodeLicenseKey,
  encodeDls2,
  maskKey,
  splitPastedKeys,
  type DecodedKey,
  type Dls2Fields,
  type LicenseKeyErrorReason,
} from '../../../shared/keys/license-key.js';
import { decodeBase64Strict } from '../../../shared/keys/base64.js';

// Buffer is the oracle here: it is independent of the atob/btoa code under test.
function b64(bytes: Uint8Array | string): string {
  return (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64');
}

/** Returns the decoded key or the LicenseKeyError; anything else thrown fails the property. */
function decodeOrError(input: string): DecodedKey | LicenseKeyError {
  try {
    return decodeLicenseKey(input);
  } catch (e) {
    if (e instanceof LicenseKeyError) return e;
    throw e;
  }
}

const ALL_REASONS: readonly LicenseKeyErrorReason[] = [
  'empty',
  'too-long',
  'not-base64',
  'not-json',
  'bad-shape',
  'length-mismatch',
  'unrecognized',
];
// docs/engineering-notes.md §H2: a DLS2 input may only fail in these ways.
const DLS2_REASONS: readonly LicenseKeyErrorReason[] = ['too-long', 'not-base64', 'not-json', 'bad-shape'];

const FIELD_NAMES: readonly string[] = [
  'handshakeCode',
  'mainServerURL',
  'organizationID',
  'standbyServerURL',
  'checkCode',
  'sessionPassword',
];

function checkTotal(input: string, allowed: readonly LicenseKeyErrorReason[]): void {
  const result = decodeOrError(input);
  if (result instanceof LicenseKeyError) {
    expect(allowed).toContain(result.reason);
    expect(result.message.length).toBeGreaterThan(0);
  } else if (result.kind === 'dls2') {
    // Whatever gets through must satisfy the schema the rest of the app relies on.
    expect(Dls2FieldsSchema.safeParse(result.fields).success).toBe(true);
  }
}

const orgId = fc.stringMatching(/^[0-9]{1,12}$/);
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const httpUrl = fc.oneof(
  fc.webUrl(),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://mdls.dynamsoftonline.com/',
    'https://slts.dynamsoft.com/',
    'http://192.168.1.10:48080',
    'http://licenseserver:48080/dls/',
  ),
);
// unit 'binary' covers every code point including astral ones, but never unpaired surrogates.
const freeText = fc.string({ unit: 'binary', maxLength: 40 });

const validFields: fc.Arbitrary<Dls2Fields> = fc
  .record(
    {
      organizationID: orgId,
      handshakeSuffix: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      mainServerURL: httpUrl,
      standbyServerURL: httpUrl,
      checkCode: int32,
      sessionPassword: freeText,
    },
    { requiredKeys: ['organizationID'] },
  )
  .map(({ handshakeSuffix, ...rest }) =>
    handshakeSuffix === undefined ? rest : { ...rest, handshakeCode: `${rest.organizationID}-${handshakeSuffix}` },
  );

// Near misses: right field names with values that are sometimes valid, sometimes not.
const nearMissJson = fc
  .record(
    {
      organizationID: fc.oneof(orgId, fc.string(), fc.integer()),
      handshakeCode: fc.oneof(fc.string(), orgId.map((o) => `${o}-x`)),
      mainServerURL: fc.oneof(httpUrl, fc.string()),
      standbyServerURL: fc.oneof(httpUrl, fc.string()),
      checkCode: fc.oneof(int32, fc.double(), fc.string()),
      sessionPassword: fc.oneof(freeText, fc.integer(), fc.constant(null)),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));

describe('property: decodeLicenseKey is total', () => {
  it('any string decodes or throws LicenseKeyError', () => {
    fc.assert(fc.property(fc.string(), (s) => checkTotal(s, ALL_REASONS)), { numRuns: 2000 });
  });

  it('any string of arbitrary code points decodes or throws LicenseKeyError', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => checkTotal(s, ALL_REASONS)), {
      numRuns: 2000,
    });
  });

  it('prefixed strings reach the decoders and fail only with LicenseKeyError', () => {
    const prefixed = fc.tuple(fc.constantFrom('DLS2', 'DLC2', 't0068', 'f0001', 't', 'f9999'), fc.string());
    fc.assert(fc.property(prefixed, ([p, s]) => checkTotal(p + s, ALL_REASONS)), { numRuns: 1000 });
  });

  it("'DLS2' + any base64 fails only as too-long, not-base64, not-json or bad-shape", () => {
    fc.assert(
      fc.property(fc.base64String({ maxLength: 5000 }), (s) => checkTotal('DLS2' + s, DLS2_REASONS)),
      { numRuns: 2000 },
    );
  });

  it("'DLS2' + base64 of any JSON value fails only as not-json or bad-shape", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), nearMissJson), (json) =>
        checkTotal('DLS2' + b64(json), DLS2_REASONS),
      ),
      { numRuns: 2000 },
    );
  });

  it('a valid key with one character changed or cut short still fails cleanly', () => {
    const mutated = fc
      .tuple(validFields, fc.nat(), fc.constantFrom('cut', 'replace', 'insert'), fc.string({ minLength: 1, maxLength: 1 }))
      .map(([fields, at, op, ch]) => {
        const key = encodeDls2(fields);
        const i = at % key.length;
        if (op === 'cut') return key.slice(0, i);
        if (op === 'replace') return key.slice(0, i) + ch + key.slice(i + 1);
        return key.slice(0, i) + ch + key.slice(i);
      });
    fc.assert(fc.property(mutated, (k) => checkTotal(k, ALL_REASONS)), { numRuns: 1000 });
  });
});

describe('property: DLS2 round trip', () => {
  it('encodeDls2 then decodeLicenseKey gives back the same fields', () => {
    fc.assert(
      fc.property(validFields, (fields) => {
        const key = encodeDls2(fields);
        expect(key.startsWith('DLS2eyJ')).toBe(true);
        expect(key.length % 4).toBe(0);
        expect(decodeLicenseKey(key)).toStrictEqual({ kind: 'dls2', fields });
        // Unpadded copies decode to the same thing, and the encoding is canonical.
        expect(decodeLicenseKey(key.replace(/=+$/, ''))).toStrictEqual({ kind: 'dls2', fields });
        expect(encodeDls2(fields)).toBe(key);
        // The payload is plain UTF-8 JSON with the fields in portal order.
        const json = JSON.parse(Buffer.from(key.slice(4), 'base64').toString('utf8')) as object;
        expect(Object.keys(json)).toStrictEqual(FIELD_NAMES.filter((n) => Object.hasOwn(fields, n)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('property: DLS2 decoding is strict', () => {
  const extraName = fc
    .oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'OrganizationID', 'checkcode'),
    )
    .filter((n) => !FIELD_NAMES.includes(n));

  it('adding any extra key gives bad-shape', () => {
    fc.assert(
      fc.property(validFields, extraName, fc.jsonValue(), fc.boolean(), (fields, name, value, atStart) => {
        // Built as text so "__proto__" becomes an own property, as it would in a real key.
        const inner = JSON.stringify(fields).slice(1, -1);
        const extra = `${JSON.stringify(name)}:${JSON.stringify(value)}`;
        const json = atStart ? `{${extra},${inner}}` : `{${inner},${extra}}`;
        const result = decodeOrError('DLS2' + b64(json));
        expect(result).toBeInstanceOf(LicenseKeyError);
        expect((result as LicenseKeyError).reason).toBe('bad-shape');
      }),
      { numRuns: 500 },
    );
  });

  it('base64 decoding is canonical: a decodable string is the unique encoding of its bytes', () => {
    const b64ish = fc.string({ unit: fc.constantFrom(...'AQgwBRhx09+/=-_ '.split('')), maxLength: 24 });
    fc.assert(
      fc.property(b64ish, (s) => {
        const result = decodeBase64Strict(s);
        if (result.ok) expect(b64(result.bytes).replace(/=+$/, '')).toBe(s.replace(/=+$/, ''));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('property: t/f product keys', () => {
  // The 4096-character cap leaves room for about 3000 payload bytes.
  const productKey = fc.record({
    letter: fc.constantFrom('t' as const, 'f' as const),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 3000 }),
    padded: fc.boolean(),
  });

  function build(letter: string, declared: number, bytes: Uint8Array, padded: boolean): string {
    const payload = b64(bytes);
    return letter + String(declared).padStart(4, '0') + (padded ? payload : payload.replace(/=+$/, ''));
  }

  it('round-trips kind and length', () => {
    fc.assert(
      fc.property(productKey, ({ letter, bytes, padded }) => {
        const key = build(letter, bytes.length, bytes, padded);
        expect(key.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
        expect(decodeLicenseKey(key)).toStrictEqual({
          kind: letter === 't' ? 'trial' : 'offline',
          declaredLength: bytes.length,
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('a wrong declared length gives length-mismatch', () => {
    fc.assert(
      fc.property(productKey, fc.integer({ min: 1, max: 9999 }), ({ letter, bytes, padded }, declared) => {
        fc.pre(declared !== bytes.length);
        const result = decodeOrError(build(letter, declared, bytes, padded));
        expect(result).toBeInstanceOf(LicenseKeyError);
        expect((result as LicenseKeyError).reason).toBe('length-mismatch');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('property: pasting and masking', () => {
  const keyLike = fc.string({ unit: fc.constantFrom(...'DLS2tf0123ABCxyz+/='.split('')), minLength: 1, maxLength: 30 });

  it('splitPastedKeys recovers the distinct keys in first-seen order, whatever the separators', () => {
    const separator = fc.string({ unit: fc.constantFrom(' ', '\n', '\r\n', '\t', ',', ';', '"'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(keyLike, separator), { maxLength: 10 }), separator, (parts, lead) => {
        const text = lead + parts.map(([k, sep]) => k + sep).join('');
        expect(splitPastedKeys(text)).toStrictEqual([...new Set(parts.map(([k]) => k))]);
      }),
      { numRuns: 1000 },
    );
  });

  it('maskKey never reveals more than 8 characters and never the middle', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', minLength: 0, maxLength: 200 }).map((s) => s.trim()), (key) => {
        const masked = maskKey(key);
        const visible = [...masked].filter((c) => c !== '•');
        expect(visible.length).toBeLessThanOrEqual(key.length > 12 ? 8 : 0);
        expect([...masked].filter((c) => c === '•').length).toBeLessThanOrEqual(12);
        if (key.length > 12) expect(masked).toBe(key.slice(0, 4) + '•'.repeat(Math.min(key.length - 8, 12)) + key.slice(-4));
      }),
      { numRuns: 1000 },
    );
  });
});
