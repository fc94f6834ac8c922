import Link from '@mui/material/Link';
import { productLabel, type LicenseItem } from '../../../../../shared/domain/license';
import { routeHash } from '../../../app/route';

/** A real link (to the hash route) so keyboard, screen readers and "open" all behave like a link. */
export function ItemLink({ item }: { item: LicenseItem }) {
  return (
    <Link href={routeHash({ page: 'license', id: item.id })} underline="hover" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }} onClick={(e) => e.stopPropagation()}>
      {item.itemId}
    </Link>
  );
}

/** "Dynamsoft Barcode Reader · JS edition"; the edition is optional. */
export { productLabel };
