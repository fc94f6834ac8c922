/**
 * Channel names only, with no imports, so the sandboxed preload and the browser host's bridge can
 * list them without bundling zod. `contract.ts` checks at compile time that it has exactly these keys.
 */
export const CHANNEL_NAMES = ['app:info', 'products:list', 'licenses:list', 'licenses:get', 'licenses:create'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];
