import { productLabel, type LicenseItem } from '../../../shared/domain/license';

/**
 * The product as a narrow list shows it: its code and the edition without the word "Edition"
 * ("DBR · JavaScript"). The full name (productLabel) goes with it as tooltip and accessible name.
 */
export function shortProductLabel(item: Pick<LicenseItem, 'productCode' | 'edition'>): string {
  const edition = item.edition?.replace(/\s+Edition$/i, '').trim();
  return edition ? `${item.productCode} · ${edition}` : item.productCode;
}

export { productLabel };
