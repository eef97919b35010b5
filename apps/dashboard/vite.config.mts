import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.LEDGER_API_URL ?? 'http://127.0.0.1:3000';
/** Paths the api serves; `vite` (dev server) forwards them so the dashboard can be developed live. */
const apiPaths = [
  '/auth',
  '/stats',
  '/subjects',
  '/topics',
  '/requests',
  '/audit',
  '/audiences',
  '/contactability',
  '/health',
];

export default defineConfig({
  root,
  base: '/',
  // @vitejs/plugin-react is not installed: Vite's own oxc transform compiles the JSX.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    // No inline module-preload polyfill or data: scripts: the page's CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { proxy: Object.fromEntries(apiPaths.map((path) => [path, api])) },
});
