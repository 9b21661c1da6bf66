// The admin console's build: a single-page app served by Gatehouse at /admin (src/http/console.ts) from web/dist.
// Its CSP allows no inline script or style, so nothing may be inlined into index.html (no module-preload polyfill).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    // Never turn a small asset into a data: URL inside CSS or JS: keep every asset a file of its own.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // `npx vite --config web/vite.config.ts` next to `npm run dev`: the API and its WebSocket on the same origin.
    proxy: { '/graphql': { target: 'http://localhost:4000', ws: true } },
  },
});
