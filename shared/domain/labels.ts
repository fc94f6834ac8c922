import type { ImportTargetField } from './import.js';
import type { LicenseItemFields } from './license.js';
import type { Hosting, KeyKind } from './project.js';

/** The one mark for a value that is not there (an en dash), in every table, card and field list. */
export const EMPTY_VALUE = '–';

/** What each license field is called wherever a person reads it: forms, history, import reports. */
export const LICENSE_FIELD_LABELS: Record<keyof LicenseItemFields, string> = {
  itemId: 'Item ID',
  licenseId: 'License ID',
  orderId: 'Order ID',
  productCode: 'Product',
  edition: 'Edition',
  version: 'Version',
  term: 'Term',
  quotaMode: 'Quota mode',
  deviceWindow: 'Active-device window',
  quotaAmount: 'Quota',
  alias: 'Alias',
  activationStatus: 'Activation status',
  activatedOn: 'Activation date',
  expiresOn: 'Expiry date',
  maintenanceExpiresOn: 'Maintenance expiry date',
  projectCode: 'Project',
  notes: 'Notes',
};

/** The import's target fields, for the column-mapping step. */
export const IMPORT_FIELD_LABELS: Record<ImportTargetField, string> = {
  itemId: 'Item ID',
  licenseId: 'License ID',
  orderId: 'Order ID',
  product: 'Product',
  licenseItem: 'License item (portal description)',
  edition: 'Edition',
  version: 'Version',
  term: 'Term (annual or lifetime)',
  quotaMode: 'Quota mode',
  quotaAmount: 'Quota',
  used: 'Used so far',
  usage: 'Usage text ("0 of 100000 devices used")',
  activationStatus: 'Activation status',
  activatedOn: 'Activation date',
  expiresOn: 'Expiry date',
  maintenanceExpiresOn: 'Maintenance expiry date',
  projectCode: 'Project (handshake code)',
  alias: 'Alias',
  notes: 'Notes',
};

export const KEY_KIND_LABELS: Record<KeyKind, string> = {
  dls2: 'Online key (DLS2)',
  trial: 'Trial key',
  offline: 'Offline key',
  'device-authorization': 'Device authorization (DLC2)',
};

export const HOSTING_LABELS: Record<Hosting, string> = {
  dynamsoft: 'Dynamsoft-hosted',
  self: 'Self-hosted License Server',
  unknown: 'Not known yet',
};
