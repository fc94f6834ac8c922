import type { SenderInfo } from './router.js';

export interface AllowedOrigin {
  protocol: string; // with the colon, as URL.protocol gives it: 'app:' or 'http:'
  host: string; // host[:port], exact
}

/**
 * Exact protocol + host + port match on the sender frame, main frame only (VS Code's validatedIpcMain).
 * Parsed with `new URL`; credentials in the URL are refused outright, since they only appear in
 * attempts to disguise a host (Actual's trusted-url lesson).
 */
export function createSenderGuard(allowed: readonly AllowedOrigin[]): (sender: SenderInfo) => boolean {
  return function isTrustedSender(sender) {
    if (!sender.isMainFrame) return false;
    let url: URL;
    try {
      url = new URL(sender.url);
    } catch {
      return false;
    }
    if (url.username || url.password) return false;
    return allowed.some((a) => a.protocol === url.protocol && a.host === url.host);
  };
}

/** The scheme and host the packaged renderer is served from (see electron/main/protocol.ts). */
export const APP_ORIGIN: AllowedOrigin = { protocol: 'app:', host: 'license-desk' };
