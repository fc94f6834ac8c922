import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import Button from '@mui/material/Button';
import { poRoute, useRoute } from '../../app/route';

/** What one PO may start from (the po:linesForLicenses contract and the route hold the same limit). */
export const MAX_PO_LICENSES = 500;

/**
 * "Create purchase order" for licenses ticked in a list: opens the PO builder with one renewal line
 * per license, ready to price, and calls `done` (the list clears its selection). Its props are the
 * licenses list's selection-action props, so it is listed there as one of the bar's actions.
 */
export function CreatePoButton({ items, done }: { items: readonly { id: number }[]; done(): void }) {
  const go = useRoute((s) => s.go);
  const tooMany = items.length > MAX_PO_LICENSES;
  return (
    <Button
      color="inherit"
      startIcon={<ReceiptLongIcon />}
      disabled={items.length === 0 || tooMany}
      title={tooMany ? `A purchase order can start from at most ${MAX_PO_LICENSES} licenses` : undefined}
      onClick={() => {
        go(poRoute({ licenseIds: items.map((i) => i.id) }));
        done();
      }}
    >
      Create purchase order ({items.length})
    </Button>
  );
}
