import { z } from 'zod';
import { CURRENCIES } from './money.js';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number, what: string) => z.string().trim().min(1, `Enter the ${what}`).max(max);
const email = z.string().trim().email('Enter an e-mail address like name@example.com').max(254);

export const Address = z.strictObject({
  street: required(300, 'street address'),
  city: required(120, 'city'),
  region: text(120),
  postalCode: text(20),
  country: required(120, 'country'),
});
export type Address = z.infer<typeof Address>;

export const Contact = z.strictObject({
  name: required(120, 'name'),
  email,
  phone: text(40),
});
export type Contact = z.infer<typeof Contact>;

/** How the licenses will be served; the vendor asks for it on a PO (domain notes §5.3). */
export const DEPLOYMENT_TYPES = ['dynamsoft-hosted', 'self-hosted', 'offline'] as const;
export const DEPLOYMENT_LABELS: Record<(typeof DEPLOYMENT_TYPES)[number], string> = {
  'dynamsoft-hosted': 'Dynamsoft-hosted license server',
  'self-hosted': 'Self-hosted license server',
  offline: 'Offline (device-bound)',
};

/**
 * The buying company as it appears on its purchase orders. Only the billing and technical contacts'
 * e-mails can see a license in the customer portal afterwards, so the PO names them.
 */
export const CompanyProfile = z.strictObject({
  legalName: required(200, 'company legal name'),
  address: Address,
  /** Null: bill to the company address. */
  billTo: Address.nullable(),
  /** Null: ship to (deliver licenses for) the company address. */
  shipTo: Address.nullable(),
  phone: text(40),
  taxId: text(60),
  billingContact: Contact,
  technicalContacts: z.array(Contact).min(1, 'Name at least one technical contact').max(5),
  deploymentType: z.enum(DEPLOYMENT_TYPES),
});
export type CompanyProfile = z.infer<typeof CompanyProfile>;

export const Vendor = z.strictObject({
  name: required(200, 'vendor name'),
  address: text(500),
  email,
  phone: text(40),
  fax: text(40),
});
export type Vendor = z.infer<typeof Vendor>;

/** The vendor block on a new installation; editable, since the address on record may be dated. */
export const DEFAULT_VENDOR: Vendor = {
  name: 'Dynamsoft Corporation',
  address: 'Suite 602, 1027 Davie St\nVancouver, BC V6E 4L2\nCanada',
  email: 'sales@dynamsoft.com',
  phone: '',
  fax: '1-844-245-7565',
};

export const PAGE_SIZES = ['A4', 'LETTER'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** Regions that print on US Letter; everyone else uses A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PR', 'PA', 'DO', 'SV', 'NI', 'BZ']);

export function defaultPageSize(locale: string): PageSize {
  const region = /[-_]([A-Za-z]{2})\b/.exec(locale)?.[1]?.toUpperCase();
  return region && LETTER_REGIONS.has(region) ? 'LETTER' : 'A4';
}

const httpsUrl = z
  .string()
  .trim()
  .url('Enter a web address like https://www.dynamsoft.com/store/')
  .max(2000)
  .refine((u) => u.startsWith('https://'), 'Store links must start with https://');

export const PoSettings = z.strictObject({
  currency: z.enum(CURRENCIES),
  pageSize: z.enum(PAGE_SIZES),
  /** Letters, digits and dashes printed before the sequence: "PO-" + 00042. */
  numberPrefix: z.string().trim().regex(/^[A-Za-z0-9-]{0,12}$/, 'Up to 12 letters, digits or dashes'),
  /** Zero-padded width of the sequence. */
  sequenceDigits: z.number().int().min(1).max(8),
  /** The sequence the next PO takes; it can only move forward, so a number is never handed out twice. */
  nextSequence: z.number().int().min(1).max(99_999_999),
  paymentTerms: text(200),
  vendor: Vendor,
  /** The vendor's online store, for products without their own link. */
  storeUrl: httpsUrl,
  /** Product code → that product's store page. */
  storeUrls: z.record(z.string().regex(/^[A-Z][A-Z0-9-]{1,15}$/), httpsUrl),
});
export type PoSettings = z.infer<typeof PoSettings>;

export const DEFAULT_STORE_URL = 'https://www.dynamsoft.com/store/';

export function defaultPoSettings(locale: string): PoSettings {
  return {
    currency: 'USD',
    pageSize: defaultPageSize(locale),
    numberPrefix: 'PO-',
    sequenceDigits: 5,
    nextSequence: 1,
    paymentTerms: 'Net 30',
    vendor: { ...DEFAULT_VENDOR },
    storeUrl: DEFAULT_STORE_URL,
    storeUrls: {},
  };
}

export function formatPoNumber(prefix: string, sequence: number, digits: number): string {
  return `${prefix}${String(sequence).padStart(digits, '0')}`;
}

/** One address as printed lines. */
export function addressLines(a: Address): string[] {
  const cityLine = [a.city, a.region, a.postalCode].filter((s) => s !== '').join(', ');
  return [...a.street.split(/\r?\n/), cityLine, a.country].filter((s) => s.trim() !== '');
}
