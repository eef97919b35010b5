import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type generateTypes from 'openapi-typescript/dist/index.js';
import { bootApp, type BootedApp } from './support/boot';

// The package's CommonJS build exports the function itself and has no declarations; they are the ESM build's.
const openapiTS = require('openapi-typescript') as typeof generateTypes;
const GENERATED = join(__dirname, '../../apps/dashboard/src/api/schema.d.ts');

describe('the dashboard’s generated API types', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ env: { ADMIN_API_KEY: 't'.repeat(32) } });
  });
  afterAll(() => booted.close());

  it('are what openapi-typescript makes of the current document (run `npm run api:types` after changing the api)', async () => {
    const document = (await booted.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const generated = await openapiTS(document);
    expect(readFileSync(GENERATED, 'utf8')).toBe(generated);
  });
});
