import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CSP_NONCE_PLACEHOLDER, withCspMeta } from './electron/core/platform/csp';

/** The built page carries the one policy (electron/core/platform/csp.ts) in its meta tag. */
function cspMeta(): Plugin {
  return {
    name: 'license-desk-csp-meta',
    apply: 'build',
    transformIndexHtml: withCspMeta,
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  // Vite stamps its script and style tags with the placeholder and adds <meta property="csp-nonce">;
  // each host swaps in a fresh nonce per response.
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
