import { events, type EventName, type EventPayload } from '../../../shared/ipc/events.js';

export type EventListener = (name: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** The transports (Electron's webContents.send, the host's server-sent events) listen here. */
  subscribe(listener: EventListener): () => void;
}

/**
 * Main → renderer events inside the core. Every payload is checked against `shared/ipc/events.ts`
 * before it leaves, so a page never receives a shape it does not expect; a listener that throws is
 * logged by event name only and does not stop the others.
 */
export function createEventBus(log?: (message: string) => void): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const checked = events[name].safeParse(payload);
      if (!checked.success) {
        log?.(`[events] ${name} payload does not match its schema; not sent`);
        return;
      }
      for (const l of [...listeners]) {
        try {
          l(name, checked.data);
        } catch (err) {
          log?.(`[events] a ${name} listener failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
