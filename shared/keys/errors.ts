export type LicenseKeyErrorReason =
  | 'empty'
  | 'too-long'
  | 'not-base64'
  | 'not-json'
  | 'bad-shape'
  | 'length-mismatch'
  | 'unrecognized';

/**
 * The only error the key decoder throws. Messages are shown to people and may be logged,
 * so they must never contain the key text: a DLS2 key carries its session password in
 * plain view once decoded.
 */
export class LicenseKeyError extends Error {
  readonly reason: LicenseKeyErrorReason;

  constructor(reason: LicenseKeyErrorReason, message: string) {
    super(message);
    this.name = 'LicenseKeyError';
    this.reason = reason;
  }
}
