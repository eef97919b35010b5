/**
 * Jest transformer for ES-module files in node_modules. NestJS 12 (and cookie, used by Fastify's
 * inject) ship only ESM; plain Node 20.19+ require()s them, but Jest's own loader can do so only
 * on Node 24.9+. So, for Jest on Node 20, they are compiled to CommonJS with swc.
 * Wired in jest.config.js as:
 *   transform: { ..., '^.+/node_modules/.+\\.js$': '<rootDir>/test/e2e/support/esm-to-cjs.js' },
 *   transformIgnorePatterns: ['/node_modules/(typescript|@swc|jest[^/]*|@jest|better-sqlite3|@kurrent|@neon-rs|google-protobuf|protobufjs|@grpc)/'],
 */
const { transformSync } = require('@swc/core');

const ESM_SYNTAX = /^\s*(import|export)[\s{*]/m;
// CommonJS that loads an ESM-only dependency with `await import(...)` (@fastify/cookie loads cookie
// so): Jest cannot run a dynamic import without --experimental-vm-modules, swc turns it into require.
const DYNAMIC_IMPORT = /\bawait import\(/;

// Jest keys its transform cache on the file, not on this transformer: its own text joins the key,
// so a change here is never hidden behind files cached by the previous version.
const SELF = require('node:crypto')
  .createHash('sha256')
  .update(require('node:fs').readFileSync(__filename))
  .digest('hex');

module.exports = {
  getCacheKey(source, filename) {
    return require('node:crypto').createHash('sha256').update(`${SELF}\0${filename}\0${source}`).digest('hex');
  },
  process(source, filename) {
    if (!ESM_SYNTAX.test(source) && !DYNAMIC_IMPORT.test(source)) return { code: source };
    // CommonJS has its own require and file URL; the ESM idioms for them would clash or fail.
    const patched = source
      .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/import\.meta\.resolve\(/g, 'require.resolve(');
    const { code, map } = transformSync(patched, {
      filename,
      module: { type: 'commonjs' },
      jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
      sourceMaps: true,
      swcrc: false,
      configFile: false,
    });
    return { code, map };
  },
};
