import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { apiCaller, buildDashboard, CHROMIUM, launchChromium } from './support/dashboard-harness';

/**
 * The Privacy Center's page (issue #18) in a real browser (Debian's chromium) against the real api
 * on the embedded stores; the bundle is built from its sources first, into a temp folder.
 */
const describeInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

if (!existsSync(CHROMIUM)) {
  it.skip(`Privacy Center browser tests: ${CHROMIUM} is missing (apt-get install chromium; CI installs it)`, () =>
    undefined);
}

describe('Privacy Center page (e2e)', () => {
  let booted: BootedApp;
  let baseUrl: string;
  let keys: Record<string, string>;
  const folders: string[] = [];
  const previousDir = process.env.PRIVACY_CENTER_DIR;
  const api = apiCaller(
    () => baseUrl,
    () => keys,
  );

  beforeAll(async () => {
    const outDir = buildDashboard('apps/dashboard/privacy-center.vite.config.mts');
    folders.push(outDir);
    process.env.PRIVACY_CENTER_DIR = outDir;
    const dataDir = tempDataDir();
    folders.push(dataDir);
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, listen: true, env: { PROBE_RATE_LIMIT: '10000', PUBLIC_RATE_LIMIT: '10000' } });
    baseUrl = (await booted.app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    await booted?.close();
    if (previousDir === undefined) delete process.env.PRIVACY_CENTER_DIR;
    else process.env.PRIVACY_CENTER_DIR = previousDir;
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  describe('served by the api', () => {
    const get = (path: string, headers: Record<string, string>) => fetch(baseUrl + path, { headers });
    const html = { accept: 'text/html,application/xhtml+xml' };

    it('serves the page under /privacy-center/ with a strict CSP, no referrer and no-store', async () => {
      const page = await get('/privacy-center/', { ...html, 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' });
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy')!;
      expect(csp.split('; ')).toEqual(
        expect.arrayContaining([
          "default-src 'self'",
          "script-src 'self'",
          "frame-ancestors 'none'",
          "form-action 'self'",
        ]),
      );
      expect(csp).not.toContain('unsafe-inline');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('cache-control')).toBe('no-store');
      const body = await page.text();
      expect(body).toContain('<html lang="de"');
      expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      // No third-party asset: every URL the page loads is on this origin.
      expect(body).not.toMatch(/(src|href)="(https?:)?\/\//);
      const script = /src="(\/privacy-center\/assets\/[^"]+\.js)"/.exec(body)![1]!;
      const asset = await get(script, { accept: '*/*' });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
    });

    it("sets <html lang> from Accept-Language, so the first paint is in the browser's language", async () => {
      const english = await (await get('/privacy-center/', { ...html, 'accept-language': 'en-GB,en' })).text();
      expect(english).toContain('<html lang="en"');
      const none = await (await get('/privacy-center/', html)).text();
      expect(none).toContain('<html lang="en"');
    });

    it('opens the page on any other navigation under /privacy-center/, and keeps JSON 404s for api clients', async () => {
      const page = await get('/privacy-center/anything/here', html);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(await page.text()).toContain('<div id="root">');
      for (const [path, accept] of [
        ['/privacy-center/anything', 'application/json'],
        ['/privacy-center/assets/nothing.js', 'text/html'],
      ]) {
        const response = await get(path!, { accept: accept! });
        expect({ path, status: response.status, body: await response.json() }).toMatchObject({
          path,
          status: 404,
          body: { statusCode: 404 },
        });
      }
    });
  });
});
