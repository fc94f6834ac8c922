import type { z } from 'zod';

/** One domain's handlers, typed by its channel map: a missing or misspelt channel is a compile error. */
export type HandlersFor<M> = {
  [C in keyof M]: M[C] extends { input: infer I extends z.ZodType; output: infer O extends z.ZodType } ? (input: z.output<I>) => Promise<z.output<O>> | z.output<O> : never;
};
