import type { Channel, ChannelInput, ChannelOutput } from './contract.js';
import type { EVENT_SUBSCRIBERS, EventSubscriberName } from './event-names.js';
import type { EventPayload } from './events.js';
import type { IpcResult } from './result.js';

/** One subscribe function per event: it returns the function that unsubscribes. */
export type EventSubscribers = {
  readonly [S in EventSubscriberName]: (listener: (payload: EventPayload<(typeof EVENT_SUBSCRIBERS)[S]>) => void) => () => void;
};

/**
 * The surface the preload (and the browser host's bridge) put on `window.api`: one function per
 * channel and one `onX` per event, nothing generic. Channel names are method names, so
 * `api['licenses:list'](query)`; events are `api.onDataChanged(listener)`.
 */
export type PreloadApi = {
  readonly [C in Channel]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
} & EventSubscribers;
