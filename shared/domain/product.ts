import { z } from 'zod';

export const Product = z.strictObject({
  code: z.string(),
  name: z.string(),
  editions: z.array(z.string()),
  builtIn: z.boolean(),
});
export type Product = z.infer<typeof Product>;
