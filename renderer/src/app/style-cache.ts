import createCache, { type EmotionCache } from '@emotion/cache';

/**
 * Emotion's cache, stamped with the page's CSP nonce so every <style> MUI inserts is allowed by
 * `style-src 'nonce-…'` and the policy needs no 'unsafe-inline'. The host puts the nonce on
 * `<meta property="csp-nonce">` (Vite's `html.cspNonce`); browsers hide the attribute, so it is
 * read from the element's `nonce` property.
 */
export function createStyleCache(doc: Document = document): EmotionCache {
  const nonce = doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
  return createCache({ key: 'css', nonce });
}
