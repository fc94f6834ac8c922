import { describe, it, expect } from 'vitest';
import { LicenseKeyError, decodeLicenseKey, describeKey, encodeDls2, maskKey, splitPastedKeys, type DecodedKey, type Dls2Fields } from '../../../shared/keys/license-key.js';
import { MINIMAL_KEY, OFFLINE_KEY, PORTAL_FIELDS, PORTAL_KEY, TRIAL_KEY, dls2FromJson } from './key-samples.js';

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
