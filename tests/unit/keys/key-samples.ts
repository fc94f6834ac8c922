import { expect } from 'vitest';
import { LicenseKeyError, decodeLicenseKey, type Dls2Fields, type LicenseKeyErrorReason } from '../../../shared/keys/license-key.js';

// Made-up fixtures from docs/domain-notes.md §2.
export const PORTAL_KEY =
  'DLS2eyJoYW5kc2hha2VDb2RlIjoiMTAwMTIzNDU2LTEwMDY1NDMyMSIsIm1haW5TZXJ2ZXJVUkwiOiJodHRwczovL21kbHMuZHluYW1zb2Z0b25saW5lLmNvbSIsIm9yZ2FuaXphdGlvbklEIjoiMTAwMTIzNDU2Iiwic3RhbmRieVNlcnZlclVSTCI6Imh0dHBzOi8vc2Rscy5keW5hbXNvZnRvbmxpbmUuY29tIiwiY2hlY2tDb2RlIjoxMjM0NTY3ODl9';
export const PORTAL_FIELDS: Dls2Fields = {
  handshakeCode: '100123456-100654321',
  mainServerURL: 'https://mdls.dynamsoftonline.com',
  organizationID: '100123456',
  standbyServerURL: 'https://sdls.dynamsoftonline.com',
  checkCode: 123456789,
};
export const MINIMAL_KEY = 'DLS2eyJvcmdhbml6YXRpb25JRCI6IjEwMDEyMzQ1NiJ9';
export const TRIAL_KEY =
  't0068oxwGvUY+OSO8Gq295IsWl2wIBxc3O4GaBo8yt6azi2s4cpZHz94Bws4osmxXRyc39cNWGhdhGFvYWJpDzgu6dYkf+ew=';
export const OFFLINE_KEY =
  'f0068YBSNS9SgnuLcXJMxtBELqTrFSvwU2jvdGWFHdKLVXSleWjWrRLPvrqUSm6IriLo+KXZhRf3so7COOK9T18TGDjrSCM4=';

/** Builds a DLS2 key from raw JSON text, bypassing encodeDls2's validation. */
export function dls2FromJson(json: string): string {
  return 'DLS2' + Buffer.from(json, 'utf8').toString('base64');
}

export function errorOf(input: string): LicenseKeyError {
  try {
    decodeLicenseKey(input);
  } catch (e) {
    if (e instanceof LicenseKeyError) return e;
    throw e;
  }
  throw new Error('expected decodeLicenseKey to throw');
}

export function expectReason(input: string, reason: LicenseKeyErrorReason): LicenseKeyError {
  const err = errorOf(input);
  expect(err.reason).toBe(reason);
  return err;
}
