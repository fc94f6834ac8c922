import { z } from 'zod';

/** A deleted license as its tombstone keeps it (migration 0009): what it was, when and by whom it went. */
export const DeletedLicense = z.strictObject({
  tombstoneId: z.number().int().positive(),
  itemId: z.string(),
  productCode: z.string(),
  productName: z.string().nullable(),
  edition: z.string().nullable(),
  alias: z.string().nullable(),
  quotaMode: z.string().nullable(),
  quotaAmount: z.number().nullable(),
  expiresOn: z.string().nullable(),
  deletedAt: z.string(),
  deletedBy: z.string(),
  /**
   * `restorable`: it can be brought back; `recorded-again`: an item with this id is recorded now
   * (`currentId`); `superseded`: a later deletion of the same item id is the one to restore.
   */
  state: z.enum(['restorable', 'recorded-again', 'superseded']),
  currentId: z.number().int().positive().nullable(),
});
export type DeletedLicense = z.infer<typeof DeletedLicense>;
