import { APP_ORIGIN } from '../core/ipc/sender-guard.js';

export const APP_ENTRY_URL = `${APP_ORIGIN.protocol}//${APP_ORIGIN.host}/index.html`;

export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1440, height: 880 };

/** BrowserWindow options as a pure value, so the security settings are asserted by a unit test. */
export function windowOptions(preloadPath: string, bounds: WindowBounds) {
  return {
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'License Desk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  } as const;
}

/** The app never navigates away from its own entry page; routes live in the URL hash. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === APP_ORIGIN.protocol && u.host === APP_ORIGIN.host && u.pathname === '/index.html';
  } catch {
    return false;
  }
}

/** The only hosts an external link may open. https only, exact host, no credentials. */
export const EXTERNAL_ALLOWLIST: readonly string[] = ['www.dynamsoft.com', 'dynamsoft.com'];

export function isAllowedExternalUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const u = new URL(value);
    if (u.protocol === 'mailto:') return isPlainMailto(u);
    return u.protocol === 'https:' && !u.username && !u.password && !u.port && EXTERNAL_ALLOWLIST.includes(u.hostname);
  } catch {
    return false;
  }
}

/**
 * A new message to one address with a subject and body (the PO's mailto: fallback): the user's mail
 * client opens it as a draft and nothing is sent without them. No cc/bcc or other header fields.
 */
function isPlainMailto(u: URL): boolean {
  const to = decodeURIComponent(u.pathname);
  return /^[^\s@,;<>"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(to) && [...u.searchParams.keys()].every((k) => k === 'subject' || k === 'body');
}

/** The one opener for external links: validates, then calls the platform's `open` it is given. */
export async function openExternalSafely(value: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  if (!isAllowedExternalUrl(value)) return false;
  await open(value);
  return true;
}

export function isValidBounds(value: unknown): value is WindowBounds {
  const b = value as Partial<WindowBounds> | null;
  return (
    typeof b === 'object' && b !== null && Number.isInteger(b.width) && Number.isInteger(b.height) && (b.width ?? 0) >= 600 && (b.height ?? 0) >= 400
  );
}
