import { describe, it, expect } from 'vitest';
import {
  MAX_KEY_LENGTH,
  LicenseKeyError,
  decodeLicenseKey,
  describeKey,
  encodeDls2,
  maskKey,
  splitPastedKeys,
  type DecodedKey,
  type Dls2Fields,
  type LicenseKeyErrorReason,
} from '../../../shared/keys/license-key.js';

// Made-up fixtures from docs/domain-notes.md §2.
const PORTAL_KEY =
  'DLS2eyJoYW5kc2hha2VDb2RlIjoiMTAwMTIzNDU2LTEwMDY1NDMyMSIsIm1haW5TZXJ2ZXJVUkwiOiJodHRwczovL21kbHMuZHluYW1zb2Z0b25saW5lLmNvbSIsIm9yZ2FuaXphdGlvbklEIjoiMTAwMTIzNDU2Iiwic3RhbmRieVNlcnZlclVSTCI6Imh0dHBzOi8vc2Rscy5keW5hbXNvZnRvbmxpbmUuY29tIiwiY2hlY2tDb2RlIjoxMjM0NTY3ODl9';
const PORTAL_FIELDS: Dls2Fields = {
  handshakeCode: '100123456-100654321',
  mainServerURL: 'https://mdls.dynamsoftonline.com',
  organizationID: '100123456',
  standbyServerURL: 'https://sdls.dynamsoftonline.com',
  checkCode: 123456789,
};
const MINIMAL_KEY = 'DLS2eyJvcmdhbml6YXRpb25JRCI6IjEwMDEyMzQ1NiJ9';
const TRIAL_KEY =
  't0068oxwGvUY+OSO8Gq295IsWl2wIBxc3O4GaBo8yt6azi2s4cpZHz94Bws4osmxXRyc39cNWGhdhGFvYWJpDzgu6dYkf+ew=';
const OFFLINE_KEY =
  'f0068YBSNS9SgnuLcXJMxtBELqTrFSvwU2jvdGWFHdKLVXSleWjWrRLPvrqUSm6IriLo+KXZhRf3so7COOK9T18TGDjrSCM4=';

/** Builds a DLS2 key from raw JSON text, bypassing encodeDls2's validation. */
function dls2FromJson(json: string): string {
  return 'DLS2' + Buffer.from(json, 'utf8').toString('base64');
}

function errorOf(input: string): LicenseKeyError {
  try {
    decodeLicenseKey(input);
  } catch (e) {
    if (e instanceof LicenseKeyError) return e;
    throw e;
  }
  throw new Error('expected decodeLicenseKey to throw');
}

function expectReason(input: string, reason: LicenseKeyErrorReason): LicenseKeyError {
  const err = errorOf(input);
  expect(err.reason).toBe(reason);
  return err;
}

describe('decodeLicenseKey: DLS2 online keys', () => {
  it('decodes the five-field portal fixture', () => {
    expect(decodeLicenseKey(PORTAL_KEY)).toStrictEqual({ kind: 'dls2', fields: PORTAL_FIELDS });
  });

  it('decodes the minimal fixture', () => {
    expect(decodeLicenseKey(MINIMAL_KEY)).toStrictEqual({
      kind: 'dls2',
      fields: { organizationID: '100123456' },
    });
  });

  it('trims surrounding whitespace', () => {
    expect(decodeLicenseKey(`  \n\t${MINIMAL_KEY}\r\n `)).toStrictEqual(decodeLicenseKey(MINIMAL_KEY));
  });

  it('accepts a negative checkCode and the int32 extremes', () => {
    for (const checkCode of [-123456789, -2147483648, 2147483647, 0]) {
      const key = dls2FromJson(`{"organizationID":"200000","checkCode":${checkCode}}`);
      expect(decodeLicenseKey(key)).toStrictEqual({
        kind: 'dls2',
        fields: { organizationID: '200000', checkCode },
      });
    }
  });

  it('keeps unicode in the handshake suffix intact', () => {
    const fields = { organizationID: '100123456', handshakeCode: '100123456-Büro-東京-🎉' };
    const decoded = decodeLicenseKey(dls2FromJson(JSON.stringify(fields)));
    expect(decoded).toStrictEqual({ kind: 'dls2', fields });
  });

  it('decodes the trial shape with a session password', () => {
    const fields = { handshakeCode: '200001-1700000000000', organizationID: '200001', sessionPassword: 's3cr€t' };
    expect(decodeLicenseKey(dls2FromJson(JSON.stringify(fields)))).toStrictEqual({ kind: 'dls2', fields });
  });

  it('accepts self-hosted server URLs (IP address, port, trailing slash)', () => {
    const fields = {
      organizationID: '1',
      mainServerURL: 'http://192.168.1.10:48080/',
      standbyServerURL: 'http://licenseserver:48080',
    };
    expect(decodeLicenseKey(dls2FromJson(JSON.stringify(fields)))).toStrictEqual({ kind: 'dls2', fields });
  });

  it('accepts keys copied without their base64 padding', () => {
    const padded = dls2FromJson('{"organizationID":"12"}');
    expect(padded.endsWith('=')).toBe(true);
    const unpadded = padded.replace(/=+$/, '');
    expect(decodeLicenseKey(unpadded)).toStrictEqual({ kind: 'dls2', fields: { organizationID: '12' } });
  });
});

describe('decodeLicenseKey: t/f product keys and DLC2', () => {
  it('decodes the trial fixture', () => {
    expect(decodeLicenseKey(TRIAL_KEY)).toStrictEqual({ kind: 'trial', declaredLength: 68 });
  });

  it('decodes the offline fixture', () => {
    expect(decodeLicenseKey(OFFLINE_KEY)).toStrictEqual({ kind: 'offline', declaredLength: 68 });
  });

  it('accepts a product key without padding', () => {
    expect(decodeLicenseKey(TRIAL_KEY.slice(0, -1))).toStrictEqual({ kind: 'trial', declaredLength: 68 });
  });

  it('recognises a DLC2 device authorization as opaque', () => {
    expect(decodeLicenseKey('DLC2aGVsbG8td29ybGQ_+/==')).toStrictEqual({ kind: 'device-authorization' });
  });
});

describe('decodeLicenseKey: errors', () => {
  it('empty: nothing or only whitespace', () => {
    expectReason('', 'empty');
    expectReason(' \n\t ', 'empty');
  });

  it('too-long: more than MAX_KEY_LENGTH characters after trimming', () => {
    expect(MAX_KEY_LENGTH).toBe(4096);
    expectReason('DLS2' + 'A'.repeat(MAX_KEY_LENGTH), 'too-long');
    // Exactly at the cap is decoded, not rejected for length.
    expect(errorOf('DLS2' + 'A'.repeat(MAX_KEY_LENGTH - 4)).reason).not.toBe('too-long');
    // Surrounding whitespace does not count.
    expect(decodeLicenseKey(' '.repeat(MAX_KEY_LENGTH) + MINIMAL_KEY).kind).toBe('dls2');
  });

  it('not-base64: foreign characters, broken padding, altered tail bits', () => {
    const body = MINIMAL_KEY.slice(4);
    expectReason('DLS2' + body.slice(0, 10) + ' ' + body.slice(10), 'not-base64');
    expectReason('DLS2' + body.replace('J', '-'), 'not-base64'); // URL-safe alphabet
    expectReason('DLS2' + body.replace('J', '_'), 'not-base64');
    expectReason('DLS2' + body + '!', 'not-base64');
    expectReason('DLS2QQ=', 'not-base64'); // padding present but short
    expectReason('DLS2QQ===', 'not-base64'); // too much padding
    expectReason('DLS2QQ=A', 'not-base64'); // padding in the middle
    expectReason('DLS2Q', 'not-base64'); // impossible length
    expectReason('DLS2QR==', 'not-base64'); // non-zero unused bits
    expectReason('t0001QR==', 'not-base64');
    expectReason('t0068' + TRIAL_KEY.slice(5).replace('+', '-'), 'not-base64');
  });

  it('not-base64 message is plain language', () => {
    expect(errorOf('DLS2' + MINIMAL_KEY.slice(4) + 'A').message).toBe(
      'This DLS2 key is not valid base64: it may have been cut off when copied.',
    );
  });

  it('not-json: valid base64 of something that is not JSON', () => {
    expectReason(dls2FromJson('not json'), 'not-json');
    expectReason(dls2FromJson('{"organizationID":"1"'), 'not-json');
    expectReason('DLS2', 'not-json');
    // Bytes that are not UTF-8.
    expectReason('DLS2' + Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64'), 'not-json');
    // A key cut at a 4-character boundary is still base64 but no longer JSON.
    expectReason(PORTAL_KEY.slice(0, 100), 'not-json');
  });

  it('bad-shape: JSON that is not a DLS2 field object', () => {
    for (const json of [
      'null',
      '[]',
      '42',
      '"100123456"',
      '{}',
      '{"organizationID":"10012345a"}',
      '{"organizationID":""}',
      '{"organizationID":"1234567890123"}',
      '{"organizationID":"100123456","handshakeCode":"100999999-1"}',
      '{"organizationID":"100123456","handshakeCode":"100123456-"}',
      '{"organizationID":"100123456","handshakeCode":"100123456"}',
      '{"organizationID":"1","handshakeCode":"12-3"}',
      '{"organizationID":"1","mainServerURL":"ftp://mdls.example.com"}',
      '{"organizationID":"1","mainServerURL":"mdls.example.com"}',
      '{"organizationID":"1","standbyServerURL":" https://sdls.example.com"}',
      '{"organizationID":"1","standbyServerURL":"https://sdls.exa\\tmple.com"}',
      '{"organizationID":"1","checkCode":2147483648}',
      '{"organizationID":"1","checkCode":-2147483649}',
      '{"organizationID":"1","checkCode":1.5}',
      '{"organizationID":"1","checkCode":"123"}',
      '{"organizationID":"1","sessionPassword":123}',
      '{"organizationID":"1","sessionPassword":"\\ud800"}',
      '{"organizationID":"1","handshakeCode":"1-\\udfff"}',
    ]) {
      expect(errorOf(dls2FromJson(json)).reason, json).toBe('bad-shape');
    }
  });

  it('accepts any subset of the known fields that names a project or an organization', () => {
    // A JSON number is the same organization ID as its digits.
    expect(decodeLicenseKey(dls2FromJson('{"organizationID":100123456}'))).toStrictEqual({ kind: 'dls2', fields: { organizationID: '100123456' } });
    // A handshake code alone: the organization is its prefix.
    expect(decodeLicenseKey(dls2FromJson('{"handshakeCode":"200001-1649836800000","sessionPassword":"x"}'))).toStrictEqual({
      kind: 'dls2',
      fields: { handshakeCode: '200001-1649836800000', sessionPassword: 'x', organizationID: '200001', organizationFromCode: true },
    });
    expect(decodeLicenseKey(dls2FromJson('{"mainServerURL":"https://testdls.dynamsoft.com","organizationID":"200001"}'))).toStrictEqual({
      kind: 'dls2',
      fields: { mainServerURL: 'https://testdls.dynamsoft.com', organizationID: '200001' },
    });
    for (const json of ['{"mainServerURL":"https://x.example"}', '{"sessionPassword":"x"}', '{"handshakeCode":"-1"}', '{"handshakeCode":"12-"}']) {
      expect(errorOf(dls2FromJson(json)).reason, json).toBe('bad-shape');
    }
  });

  it('a key whose organization came from its code encodes back without one', () => {
    const key = dls2FromJson('{"handshakeCode":"200001-1"}');
    const decoded = decodeLicenseKey(key);
    if (decoded.kind !== 'dls2') throw new Error('expected dls2');
    expect(encodeDls2(decoded.fields)).toBe(key);
  });

  it('bad-shape: unknown fields are rejected, including __proto__ and constructor', () => {
    for (const json of [
      '{"organizationID":"1","licenseType":"x"}',
      '{"__proto__":{"organizationID":"1"},"organizationID":"1"}',
      '{"organizationID":"1","constructor":{}}',
      '{"organizationID":"1","OrganizationID":"1"}',
    ]) {
      expect(errorOf(dls2FromJson(json)).reason, json).toBe('bad-shape');
    }
  });

  it('bad-shape messages name the problem in plain words', () => {
    expect(errorOf(dls2FromJson('{"checkCode":1}')).message).toBe(
      'This DLS2 key names neither a project (handshakeCode) nor an organization (organizationID); an online license key carries at least one of them.',
    );
    expect(errorOf(dls2FromJson('{"organizationID":1.5}')).message).toBe(
      'This DLS2 key is not valid: its organization ID is a number with a fraction, not a whole number.',
    );
    expect(errorOf(dls2FromJson('{"organizationID":"10012345a"}')).message).toBe(
      'This DLS2 key is not valid: its organization ID holds characters other than the digits 0-9.',
    );
    expect(errorOf(dls2FromJson('{"handshakeCode":"vehicle-1"}')).message).toContain('does not start with an organization ID');
    expect(errorOf(dls2FromJson('{"organizationID":"1","licenseType":"x"}')).message).toContain('"licenseType"');
    expect(errorOf(dls2FromJson('{"organizationID":"1","mainServerURL":"ftp://x"}')).message).toContain(
      'main server address',
    );
  });

  it('bad-shape: a product key declaring an empty payload', () => {
    expectReason('t0000', 'bad-shape');
  });

  it('length-mismatch: declared length differs from the payload', () => {
    expectReason('t0069' + TRIAL_KEY.slice(5), 'length-mismatch');
    expectReason('f0067' + OFFLINE_KEY.slice(5), 'length-mismatch');
    expectReason(TRIAL_KEY.slice(0, -4), 'length-mismatch'); // cut off: 88 chars -> 66 bytes
    expectReason('t0068', 'length-mismatch');
    expect(errorOf('t0069' + TRIAL_KEY.slice(5)).message).toBe(
      'This trial key says it holds 69 bytes but holds 68: it may have been cut off when copied.',
    );
  });

  it('not-base64 for a DLC2 with nothing or foreign characters after the prefix', () => {
    expectReason('DLC2', 'not-base64');
    expectReason('DLC2abc def', 'not-base64');
  });

  it('unrecognized: anything else, with a message listing the accepted formats', () => {
    for (const input of [
      'hello',
      'dls2' + MINIMAL_KEY.slice(4),
      'DLS1' + MINIMAL_KEY.slice(4),
      'tZRk-6qb2-sEyE-abcd', // a machine ID
      '12345678', // License 1.0 short key
      't068oxwGvUY', // only three digits
      'x0068' + TRIAL_KEY.slice(5),
      '8ECCA3B6-66F9-4fd6-B6B6-308C874140C6',
    ]) {
      expect(errorOf(input).reason, input).toBe('unrecognized');
    }
    const message = errorOf('hello').message;
    for (const prefix of ['DLS2', 't0', 'f0', 'DLC2']) expect(message).toContain(prefix);
  });

  it('errors are LicenseKeyError instances that never quote the key', () => {
    const secret = 'Sup3rS3cretPassw0rd';
    const cases = [
      dls2FromJson(`{"organizationID":"1","sessionPassword":"${secret}","extra":1}`),
      dls2FromJson(`{"organizationID":"1","sessionPassword":"${secret}","checkCode":"x"}`),
      dls2FromJson(`{"organizationID":"1","sessionPassword":"${secret}"`),
      'DLS2' + 'x'.repeat(5000),
      PORTAL_KEY + '!',
      't0069' + TRIAL_KEY.slice(5),
      'unknown' + secret,
    ];
    for (const key of cases) {
      const err = errorOf(key);
      expect(err).toBeInstanceOf(Error);
      expect(err.name).toBe('LicenseKeyError');
      expect(err.message).not.toContain(secret);
      expect(err.message).not.toContain(key.slice(4, 16));
    }
  });
});

describe('encodeDls2', () => {
  it('reproduces the portal fixture byte for byte, in portal field order', () => {
    const shuffled: Dls2Fields = {
      checkCode: 123456789,
      standbyServerURL: 'https://sdls.dynamsoftonline.com',
      organizationID: '100123456',
      mainServerURL: 'https://mdls.dynamsoftonline.com',
      handshakeCode: '100123456-100654321',
    };
    expect(encodeDls2(shuffled)).toBe(PORTAL_KEY);
    expect(encodeDls2({ organizationID: '100123456' })).toBe(MINIMAL_KEY);
  });

  it('puts sessionPassword last, omits undefined fields and pads the base64', () => {
    const key = encodeDls2({
      sessionPassword: 'pw',
      organizationID: '200001',
      handshakeCode: '200001-17',
      mainServerURL: undefined,
    });
    expect(key.length % 4).toBe(0);
    expect(Buffer.from(key.slice(4), 'base64').toString('utf8')).toBe(
      '{"handshakeCode":"200001-17","organizationID":"200001","sessionPassword":"pw"}',
    );
  });

  it('refuses fields that would not decode again', () => {
    expect(() => encodeDls2({ organizationID: 'abc' })).toThrow(LicenseKeyError);
    expect(() => encodeDls2({ organizationID: '1', handshakeCode: '2-x' })).toThrow(LicenseKeyError);
    expect(() => encodeDls2({ organizationID: '1', checkCode: 2 ** 31 })).toThrow(LicenseKeyError);
    const extra = { organizationID: '1', note: 'x' } as Dls2Fields;
    expect(() => encodeDls2(extra)).toThrow(/fields this app does not know/);
  });
});

describe('splitPastedKeys', () => {
  it('splits on newlines, whitespace and commas', () => {
    expect(splitPastedKeys(`${PORTAL_KEY}\r\n${TRIAL_KEY}, ${OFFLINE_KEY}\t${MINIMAL_KEY}`)).toStrictEqual([
      PORTAL_KEY,
      TRIAL_KEY,
      OFFLINE_KEY,
      MINIMAL_KEY,
    ]);
  });

  it('splits a DWT ProductKey string joined by ";" into its keys', () => {
    expect(splitPastedKeys(`${TRIAL_KEY};${OFFLINE_KEY};`)).toStrictEqual([TRIAL_KEY, OFFLINE_KEY]);
  });

  it('strips quotes from keys copied out of source code', () => {
    expect(splitPastedKeys(`"${TRIAL_KEY};${OFFLINE_KEY}"\n'${MINIMAL_KEY}'`)).toStrictEqual([
      TRIAL_KEY,
      OFFLINE_KEY,
      MINIMAL_KEY,
    ]);
  });

  it('drops empties and duplicates, keeping first-seen order', () => {
    expect(splitPastedKeys(` ;;, \n${OFFLINE_KEY}\n\n${TRIAL_KEY}\n${OFFLINE_KEY};${TRIAL_KEY}\u200B`)).toStrictEqual([
      OFFLINE_KEY,
      TRIAL_KEY,
    ]);
    expect(splitPastedKeys('')).toStrictEqual([]);
    expect(splitPastedKeys(' \n,; ')).toStrictEqual([]);
  });
});

describe('maskKey', () => {
  it('keeps four characters at each end and at most 12 bullets', () => {
    expect(maskKey(PORTAL_KEY)).toBe('DLS2' + '•'.repeat(12) + 'ODl9');
    expect(maskKey(TRIAL_KEY)).toBe('t006' + '•'.repeat(12) + '+ew=');
  });

  it('hides exactly the middle of a key just over 12 characters', () => {
    expect(maskKey('ABCDEFGHIJKLM')).toBe('ABCD•••••JKLM');
  });

  it('turns keys of 12 characters or fewer into bullets only', () => {
    expect(maskKey('ABCDEFGHIJKL')).toBe('•'.repeat(12));
    expect(maskKey('abc')).toBe('•••');
    expect(maskKey('')).toBe('');
  });

  it('ignores surrounding whitespace', () => {
    expect(maskKey(`  ${TRIAL_KEY}\n`)).toBe(maskKey(TRIAL_KEY));
  });
});

describe('describeKey', () => {
  it('summarises each kind on one line', () => {
    expect(describeKey(decodeLicenseKey(PORTAL_KEY))).toBe('Online key (DLS2) for project 100123456-100654321');
    expect(describeKey(decodeLicenseKey(MINIMAL_KEY))).toBe("Online key (DLS2) for organization 100123456's default project, no server named (the SDK default)");
    // Two organization keys that mask alike are told apart by their main server.
    const test = dls2FromJson('{"mainServerURL":"https://testdls.dynamsoft.com","organizationID":"100123456"}');
    expect(describeKey(decodeLicenseKey(test))).toBe("Online key (DLS2) for organization 100123456's default project, main server testdls.dynamsoft.com");
    expect(describeKey(decodeLicenseKey(TRIAL_KEY))).toBe('Trial key, 68-byte payload');
    expect(describeKey(decodeLicenseKey(OFFLINE_KEY))).toBe('Offline key, 68-byte payload');
    expect(describeKey({ kind: 'device-authorization' })).toBe('Device authorization (DLC2)');
  });

  it('never includes the session password', () => {
    const key: DecodedKey = {
      kind: 'dls2',
      fields: { organizationID: '200001', handshakeCode: '200001-17', sessionPassword: 'hunter2' },
    };
    expect(describeKey(key)).not.toContain('hunter2');
    expect(describeKey({ kind: 'dls2', fields: { organizationID: '1', sessionPassword: 'hunter2' } })).not.toContain(
      'hunter2',
    );
  });

  it('keeps a hostile handshake suffix on one line', () => {
    const text = describeKey({
      kind: 'dls2',
      fields: { organizationID: '1', handshakeCode: '1-a\nb\u202Ec' + 'x'.repeat(200) },
    });
    expect(text).not.toMatch(/[\n\u202E]/);
    expect(text.startsWith('Online key (DLS2) for project 1-a?b?c')).toBe(true);
    expect(text.length).toBeLessThan(120);
  });
});
