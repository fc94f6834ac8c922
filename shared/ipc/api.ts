import type { Channel, ChannelInput, ChannelOutput } from './contract.js';
import type { IpcResult } from './result.js';

/**
 * The surface the preload (and the browser host's bridge) put on `window.api`: one function per
 * channel, nothing generic. Channel names are method names, so `api['licenses:list'](query)`.
 */
export type PreloadApi = {
  readonly [C in Channel]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
};
