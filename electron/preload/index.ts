import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { EVENT_SUBSCRIBERS } from '../../shared/ipc/event-names';
import type { PreloadApi } from '../../shared/ipc/api';

// One frozen function per channel, each closed over its own name; no generic invoke.
const calls = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, Object.freeze((input: unknown) => ipcRenderer.invoke(channel, input))]));

// One frozen subscribe function per event, closed over its own name; the listener gets the payload
// only, never Electron's event object (which would hand the page a way back to ipcRenderer).
const subscribers = Object.fromEntries(
  Object.entries(EVENT_SUBSCRIBERS).map(([method, name]) => [
    method,
    Object.freeze((listener: (payload: unknown) => void) => {
      const forward = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(name, forward);
      return () => void ipcRenderer.removeListener(name, forward);
    }),
  ]),
);

contextBridge.exposeInMainWorld('api', Object.freeze({ ...calls, ...subscribers }) as unknown as PreloadApi);
