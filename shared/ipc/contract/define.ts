import type { z } from 'zod';

/**
 * A channel's kind says whether it changes stored data. The router uses it for cross-cutting
 * behaviour (the audit log records write channels; slow-call logging names the kind), and the
 * renderer's cache invalidates after writes.
 */
export type ChannelKind = 'read' | 'write';

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: ChannelKind;
  readonly input: I;
  readonly output: O;
}

export type ChannelMap = Record<`${string}:${string}`, ChannelSpec>;

export function read<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> & { kind: 'read' } {
  return { kind: 'read', input, output };
}

export function write<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> & { kind: 'write' } {
  return { kind: 'write', input, output };
}
