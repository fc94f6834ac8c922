import crypto from 'node:crypto';

/**
 * The one Content-Security-Policy of the renderer. Both hosts (the app:// protocol handler and the
 * browser host) send it as a header and fill the same policy into index.html's meta tag, which
 * vite.config.mts writes at build time from this module.
 *
 * Scripts and styles need no inline allowance: emotion (MUI) stamps every <style> it inserts with the page's
 * nonce (renderer/src/app/style-cache.ts), and Vite stamps the built tags (`html.cspNonce`).
 * Each index.html response gets a fresh nonce in place of the placeholder below.
 */
// Base64 characters only, like a real nonce, so the built page's policy parses as one.
export const CSP_NONCE_PLACEHOLDER = 'LicenseDeskCspNonce';

export type CspDelivery = 'header' | 'meta';

/** `nonce` null: a policy for responses that are not the page (no style can use a nonce there). */
export function contentSecurityPolicy(nonce: string | null, delivery: CspDelivery = 'header'): string {
  return [
    "default-src 'self'",
    // A strict policy (https://web.dev/articles/strict-csp): the page's own tags carry the nonce and
    // what they load is trusted through 'strict-dynamic'; 'self' alone would trust any same-origin file.
    nonce ? `script-src 'nonce-${nonce}' 'strict-dynamic'` : "script-src 'none'",
    nonce ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The PDF preview's pdf.js worker, a file of the app's own build ('strict-dynamic' covers scripts, not workers).
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // Browsers ignore frame-ancestors in a meta tag (and warn), so only the header carries it.
    ...(delivery === 'header' ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/** Build step (vite.config.mts): the policy, with the nonce placeholder, right after the charset tag. */
export function withCspMeta(html: string): string {
  const charset = '<meta charset="UTF-8" />';
  if (!html.includes(charset)) throw new Error(`renderer/index.html must start its head with ${charset}`);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(CSP_NONCE_PLACEHOLDER, 'meta')}" />`;
  return html.replace(charset, `${charset}\n    ${meta}`);
}

export function newCspNonce(): string {
  return crypto.randomBytes(18).toString('base64');
}

/** The page as served: the build's nonce placeholder replaced everywhere by this response's nonce. */
export function pageWithNonce(html: string, nonce: string): string {
  return html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}

/** Headers and body for the renderer's index.html, the same for both hosts. */
export function servedPage(html: string): { body: string; csp: string } {
  const nonce = newCspNonce();
  return { body: pageWithNonce(html, nonce), csp: contentSecurityPolicy(nonce) };
}
