import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const clientFile = (name: string) => fileURLToPath(new URL(`./client/${name}`, import.meta.url));

/** In development, serve the vendor portal's own page for /portal, as the server does in production (server/platform/http/spa.ts). */
const portalPage: Plugin = {
  name: 'tollgate-portal-page',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url && /^\/portal(\/|\?|$)/.test(req.url) && (req.headers.accept ?? '').includes('text/html')) req.url = '/portal.html';
      next();
    });
  },
};

// Two apps build to dist/client, which the server serves: the staff SPA (index.html)
// and the vendor portal (portal.html), which must stay small and never load the staff app's libraries.
export default defineConfig({
  root: 'client',
  plugins: [react(), portalPage],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // No source maps: served, they would hand anyone the whole client source (security review, finding 16).
    sourcemap: false,
    // .vite/manifest.json: which chunks each page loads; `npm run bench` weighs the JavaScript of a page with it.
    manifest: true,
    rolldownOptions: {
      input: { index: clientFile('index.html'), portal: clientFile('portal.html') },
      output: {
        codeSplitting: {
          // Long-cached library chunks. React has a group of its own, without the router,
          // because the portal shares it and has no use for the router.
          // Mantine has no group on purpose: one Mantine chunk held every component any page
          // uses (about 113 KB gzipped), and the dashboard paid for all of them. Left to the
          // bundler, each page loads only the components it renders (issue 16, docs/benchmarks.md).
          // The charts group stays: every chart uses most of recharts, and without the group
          // the dashboard's charts came to more, not less.
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /node_modules[\\/]react-router/ },
            { name: 'charts', test: /node_modules[\\/](recharts|d3-|victory-vendor)/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/trpc': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
      '/q/': 'http://127.0.0.1:3000',
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
