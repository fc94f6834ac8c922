import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import type { PreloadApi } from '../../shared/ipc/api';

// One frozen function per channel, each closed over its own name; no generic invoke.
const api = Object.freeze(
  Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, Object.freeze((input: unknown) => ipcRenderer.invoke(channel, input))])),
) as unknown as PreloadApi;

contextBridge.exposeInMainWorld('api', api);
