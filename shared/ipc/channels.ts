/**
 * Channel names only, with no imports, so the sandboxed preload and the browser host's bridge can
 * list them without bundling zod. `contract.ts` checks at compile time that it has exactly these keys.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'settings:get',
  'settings:update',
  'products:list',
  'products:create',
  'licenses:list',
  'licenses:groups',
  'licenses:get',
  'licenses:create',
  'licenses:update',
  'licenses:delete',
  'licenses:history',
  'licenses:drawOrder',
  'licenses:export',
  'usage:list',
  'usage:add',
  'projects:list',
  'projects:get',
  'projects:byCode',
  'keys:reveal',
  'keys:check',
  'keys:import',
  'keys:unassigned',
  'import:preview',
  'import:commit',
  'dashboard:summary',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];
