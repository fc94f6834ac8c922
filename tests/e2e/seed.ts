import type { NewLicenseInput } from '../../shared/domain/license';

/** A valid license for seeding; override what the test is about. */
export function license(overrides: Partial<NewLicenseInput> & { itemId: string }): NewLicenseInput {
  return {
    licenseId: null,
    orderId: null,
    productCode: 'DBR',
    edition: 'JavaScript Edition',
    version: '11.X',
    term: 'annual',
    quotaMode: 'scans',
    deviceWindow: null,
    quotaAmount: 10000,
    alias: null,
    activationStatus: 'activated',
    activatedOn: '2026-01-01',
    expiresOn: '2027-01-01',
    maintenanceExpiresOn: null,
    projectCode: null,
    notes: '',
    ...overrides,
  };
}

export const DLS2_FIXTURE =
  'DLS2eyJoYW5kc2hha2VDb2RlIjoiMTAwMTIzNDU2LTEwMDY1NDMyMSIsIm1haW5TZXJ2ZXJVUkwiOiJodHRwczovL21kbHMuZHluYW1zb2Z0b25saW5lLmNvbSIsIm9yZ2FuaXphdGlvbklEIjoiMTAwMTIzNDU2Iiwic3RhbmRieVNlcnZlclVSTCI6Imh0dHBzOi8vc2Rscy5keW5hbXNvZnRvbmxpbmUuY29tIiwiY2hlY2tDb2RlIjoxMjM0NTY3ODl9';
