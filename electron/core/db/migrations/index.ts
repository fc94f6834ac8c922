import { migration0001 } from './0001-licenses.js';
import { migration0002 } from './0002-usage-history.js';
import { migration0003 } from './0003-keys-imports-settings.js';
import { migration0004 } from './0004-search-index.js';
import { migration0005 } from './0005-sealed-keys.js';
import { migration0006 } from './0006-orders.js';
import { migration0007 } from './0007-purchases.js';
import { migration0008 } from './0008-reference-lists.js';
import { migration0009 } from './0009-license-tombstones.js';
import { migration0010 } from './0010-reminders.js';
import { migration0011 } from './0011-estimated-dates.js';
import { migration0012 } from './0012-audit-log.js';
import { migration0013 } from './0013-urgency-order.js';
import { migration0014 } from './0014-drop-product-index.js';
import type { Migration } from './types.js';

/** Append-only. Never edit a migration that has shipped; add the next number instead. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
