import { describe, it, expect } from 'vitest';
import { MAX_KEY_LENGTH, decodeLicenseKey, encodeDls2 } from '../../../shared/keys/license-key.js';
import { MINIMAL_KEY, OFFLINE_KEY, PORTAL_KEY, TRIAL_KEY, dls2FromJson, errorOf, expectReason } from './key-samples.js';

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

