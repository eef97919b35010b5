import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import dashboard from './vite.config.mts';

/**
 * The Privacy Center: its own small bundle beside Mission Control (same stack, same build rules:
 * no inline script, no third-party asset), served by the api under `/privacy-center/`.
 * `npm run build` builds it into dist/privacy-center.
 */
export default mergeConfig(
  dashboard,
  defineConfig({
    base: '/privacy-center/',
    build: {
      outDir: fileURLToPath(new URL('../../dist/privacy-center', import.meta.url)),
      rolldownOptions: { input: fileURLToPath(new URL('privacy-center.html', import.meta.url)) },
    },
  }),
);
