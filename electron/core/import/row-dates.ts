import type { ActivationState } from '../../../shared/domain/license.js';
import type { LicenseTerm } from '../../../shared/domain/quota.js';
import { termEnd, termStart } from '../../../shared/domain/term.js';
import { parseFlexibleDate } from './dates.js';
import { FIELD_LABELS } from './row-issues.js';
import { parseActivationStatus, quoteValue, stripRenewLink } from './row-values.js';
import type { ItemText, RowReading } from './rows.js';

/** The date columns of one import row: term, activation, expiry and maintenance expiry, with estimates. */

interface Dates {
  term: LicenseTerm | null;
  activatedOn: string | null;
  expiresOn: string | null;
  maintenanceExpiresOn: string | null;
}

function readDate(r: RowReading, f: 'activatedOn' | 'expiresOn' | 'maintenanceExpiresOn'): string | null {
  const c = r.get(f);
  if (!c) return null;
  r.origin[f] = c;
  const v = parseFlexibleDate(stripRenewLink(c.raw));
  if (!v) r.reject(f, c.column, 'INVALID_DATE', `${FIELD_LABELS[f]} ${quoteValue(c.raw)} is not a date`);
  return v;
}

/** The dates as given, with the term defaulted and the portal's one expiry column put where it belongs. */
export function readDates(r: RowReading, item: ItemText, givenTerm: LicenseTerm | null): Dates {
  const d: Dates = { term: givenTerm, activatedOn: readDate(r, 'activatedOn'), expiresOn: readDate(r, 'expiresOn'), maintenanceExpiresOn: readDate(r, 'maintenanceExpiresOn') };

  if (d.term === null && r.usable('term')) d.term = d.maintenanceExpiresOn && !d.expiresOn && r.usable('expiresOn') ? 'lifetime' : 'annual';

  if (d.term === 'lifetime' && d.expiresOn && !d.maintenanceExpiresOn && r.usable('maintenanceExpiresOn')) {
    d.maintenanceExpiresOn = d.expiresOn;
    d.expiresOn = null;
    const src = r.origin.expiresOn;
    if (src) r.origin.maintenanceExpiresOn = src;
    r.origin.expiresOn = undefined;
  }
  const validTill = item.parsed.validTill;
  if (validTill && r.usable('expiresOn', 'maintenanceExpiresOn')) {
    if (d.term === 'annual' && !d.expiresOn) {
      d.expiresOn = validTill;
      item.source(r, 'expiresOn');
    } else if (d.term === 'lifetime' && !d.maintenanceExpiresOn) {
      d.maintenanceExpiresOn = validTill;
      item.source(r, 'maintenanceExpiresOn');
    }
  }
  return d;
}

/** The activation status, and the activation or expiry date estimated from the other when missing. */
export function readActivation(r: RowReading, d: Dates): ActivationState | null {
  const cell = r.get('activationStatus');
  let status: ActivationState | null;
  if (cell) {
    r.origin.activationStatus = cell;
    status = parseActivationStatus(cell.raw);
    if (!status) r.reject('activationStatus', cell.column, 'INVALID_VALUE', `License Status ${quoteValue(cell.raw)} is neither New nor Active`);
  } else {
    const hasTermDate = d.term === 'lifetime' ? d.maintenanceExpiresOn : d.expiresOn;
    status = d.activatedOn || hasTermDate ? 'activated' : 'new';
  }
  if (status !== 'activated' || !r.usable('activatedOn')) return status;

  if (!d.activatedOn && !r.usable('expiresOn', 'maintenanceExpiresOn')) {
    // The activation would have been estimated from the unreadable expiry, already reported; saying
    // "needs its activation date" as well would only send the user looking for a column they lack.
    r.markFailed('activatedOn');
    return status;
  }
  if (!r.usable('expiresOn', 'maintenanceExpiresOn')) return status;
  const endOfFirstYear = d.term === 'lifetime' ? d.maintenanceExpiresOn : d.expiresOn;
  if (!d.activatedOn && endOfFirstYear) {
    d.activatedOn = termStart(endOfFirstYear);
    r.estimated.push('activatedOn');
    const src = r.origin[d.term === 'lifetime' ? 'maintenanceExpiresOn' : 'expiresOn'];
    if (src) r.origin.activatedOn = src;
  } else if (d.term === 'annual' && d.activatedOn && !d.expiresOn) {
    d.expiresOn = termEnd(d.activatedOn);
    r.estimated.push('expiresOn');
    const src = r.origin.activatedOn;
    if (src) r.origin.expiresOn = src;
  }
  return status;
}
