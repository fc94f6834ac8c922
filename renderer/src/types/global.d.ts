import type { PreloadApi } from '../../../shared/ipc/api';

declare global {
  interface Window {
    readonly api: PreloadApi;
  }
}
export {};
