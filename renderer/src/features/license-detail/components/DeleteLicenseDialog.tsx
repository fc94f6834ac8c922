import type { LicenseItem } from '../../../../../shared/domain/license';
import { write } from '../../../api/mutations';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteDialog';

/** Deleting is final, so it says exactly what goes with the item and asks once more. */
export function DeleteLicenseDialog({ item, open, onClose, onDeleted }: { item: LicenseItem; open: boolean; onClose(): void; onDeleted(): void }) {
  return (
    <ConfirmDeleteDialog
      id="delete-license"
      open={open}
      title={`Delete license ${item.itemId}?`}
      confirmLabel="Delete license"
      onClose={onClose}
      onConfirm={async () => {
        await write('licenses:delete', { id: item.id });
        onDeleted();
      }}
    >
      The item, its usage snapshots and its history leave every list; a record of the deletion (who, when and the item&apos;s last values) is kept. The
      license itself, on Dynamsoft&apos;s portal, is not affected; importing the portal list again would bring the item back.
    </ConfirmDeleteDialog>
  );
}
