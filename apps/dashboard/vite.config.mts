import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

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

/**
 * Writes `<asset>.br` and `<asset>.gz` beside every hashed asset, at the highest levels: done once
 * here, the api serves them from memory (apps/api/src/dashboard) without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'ledger-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle).filter((file) => /^assets\/.+\.(js|css|svg)$/.test(file))) {
        const path = join(options.dir!, name);
        const body = readFileSync(path);
        const quality = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
        writeFileSync(`${path}.br`, brotliCompressSync(body, { params: quality }));
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  // @vitejs/plugin-react is not installed: Vite's own oxc transform compiles the JSX.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    // No inline module-preload polyfill or data: scripts: the page's CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // The precompression above is slow on purpose (brotli's best level, once per build); no timing warning for it.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { proxy: Object.fromEntries(apiPaths.map((path) => [path, api])) },
});
