import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import {
  apiCaller,
  bootDashboardApp,
  CHROMIUM,
  type DashboardApp,
  defineNewsletter,
  grantNewsletter,
  launchChromium,
  openDashboard,
  screenshot as shot,
  signIn,
} from './support/dashboard-harness';

/**
 * Mission Control in a real browser (Debian's chromium, never a downloaded one) against the real
 * api on the embedded stores: the dashboard is built from its sources first, into a temp folder.
 */
const describeInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

if (!existsSync(CHROMIUM)) {
  it.skip(`dashboard browser tests: ${CHROMIUM} is missing (apt-get install chromium; CI installs it)`, () =>
    undefined);
}

describe('Mission Control dashboard (e2e)', () => {
  let app: DashboardApp;
  // One fresh profile; every test opens its own tab, and sessionStorage (the signed-in key) is per tab.
  let browser: BrowserContext;
  let baseUrl: string;
  let otherSubjectId: string;
  let keys: Record<string, string>;
  let subjectId: string;
  const folders: string[] = [];

  const api = apiCaller(
    () => baseUrl,
    () => keys,
  );
  const grant = (id: string) => grantNewsletter(api, id);

  beforeAll(async () => {
    app = await bootDashboardApp(folders);
    ({ baseUrl, keys } = app);
    await defineNewsletter(api);
    ({ subjectId } = await api('POST', '/subjects', 'crm', {
      locale: 'de-DE',
      contactPoints: [{ channel: 'email', address: 'anna.berg@example.org' }],
    }));
  }, 40_000);

  afterAll(() => app?.close());

  describe('served by the api', () => {
    const get = (path: string, accept: string) => fetch(baseUrl + path, { headers: { accept } });

    it('serves the page at / with a CSP that allows no inline script, and its hashed assets', async () => {
      const page = await get('/', 'text/html');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await page.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
      const asset = await get(script, '*/*');
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain('text/javascript');
      expect(asset.headers.get('cache-control')).toContain('immutable');
    });

    it("keeps the api's JSON 404 for unknown api paths and assets, and falls back to the page for other navigations", async () => {
      for (const [path, accept] of [
        ['/subjects/x/unknown', 'text/html'],
        ['/assets/nothing.js', 'text/html'],
        ['/overview', 'application/json'],
      ]) {
        const response = await get(path!, accept!);
        expect({ path, status: response.status, body: await response.json() }).toMatchObject({
          path,
          status: 404,
          body: { statusCode: 404 },
        });
      }
      const page = await get('/overview', 'text/html,application/xhtml+xml');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await page.text()).toContain('<div id="root">');
    });

    it('serves the assets brotli- or gzip-compressed as the client accepts, with Vary and the same caching', async () => {
      const html = await (await get('/', 'text/html')).text();
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
      const raw = (encoding: string) =>
        new Promise<{ status?: number; headers: Record<string, unknown>; bytes: number }>((resolve, reject) => {
          const url = new URL(baseUrl + script);
          const request = httpGet(url, { headers: { 'accept-encoding': encoding } }, (response) => {
            let bytes = 0;
            response.on('data', (chunk: Buffer) => (bytes += chunk.length));
            response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, bytes }));
          });
          request.on('error', reject);
        });
      const [plain, gzip, brotli] = [await raw('identity'), await raw('gzip'), await raw('gzip, deflate, br')];
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(brotli.headers['content-encoding']).toBe('br');
      for (const answer of [plain, gzip, brotli]) {
        expect(answer.status).toBe(200);
        expect(answer.headers['cache-control']).toContain('immutable');
        expect(answer.headers.vary).toContain('accept-encoding');
      }
      // The main chunk (React and the overview) shrinks to about a quarter.
      expect(brotli.bytes).toBeLessThan(plain.bytes / 3);
      expect(gzip.bytes).toBeLessThan(plain.bytes / 3);
      expect((await raw('br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    });

    it('writes <html lang> from the language cookie, else from Accept-Language, on the page and its fallback', async () => {
      const lang = async (path: string, headers: Record<string, string>) =>
        /<html lang="(\w+)"/.exec(
          await (await fetch(baseUrl + path, { headers: { accept: 'text/html', ...headers } })).text(),
        )?.[1];
      expect(await lang('/', {})).toBe('en');
      expect(await lang('/', { 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' })).toBe('de');
      expect(await lang('/', { 'accept-language': 'fr-FR, de;q=0.5' })).toBe('de');
      expect(await lang('/', { 'accept-language': 'de', cookie: 'other=1; ledger-language=en' })).toBe('en');
      expect(await lang('/overview', { cookie: 'ledger-language=de' })).toBe('de');
      expect(await lang('/', { cookie: 'ledger-language=xx' })).toBe('en');
    });

    it("answers GET /auth/me with the key's name and roles, and 401 without a key", async () => {
      expect(await api('GET', '/auth/me', 'journey')).toEqual({ name: 'e2e-journey', roles: ['journey'] });
      expect((await fetch(`${baseUrl}/auth/me`)).status).toBe(401);
    });
  });

  describeInBrowser('in Debian chromium', () => {
    // biome-ignore lint/suspicious/noDuplicateTestHooks: the hooks of describeInBrowser, a describe of its own
    beforeAll(async () => {
      ({ subjectId: otherSubjectId } = await api('POST', '/subjects', 'crm', {
        locale: 'en-GB',
        contactPoints: [{ channel: 'email', address: 'ben@example.org' }],
      }));
      const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
      await api('POST', `/subjects/${otherSubjectId}/requests`, 'crm', {
        kind: 'access',
        channel: 'email',
        receivedAt: fortyDaysAgo,
        reference: 'ticket-1',
      });
      await api('POST', `/subjects/${subjectId}/requests`, 'crm', {
        kind: 'erasure',
        channel: 'web',
        reference: 'ticket-2',
      });
      const userDataDir = mkdtempSync(join(tmpdir(), 'ledger-chromium-'));
      folders.push(userDataDir);
      browser = await launchChromium(userDataDir);
    }, 30_000);

    // biome-ignore lint/suspicious/noDuplicateTestHooks: the hooks of describeInBrowser, a describe of its own
    afterAll(() => browser?.close());

    const signedIn = (role: string) => signIn(browser, baseUrl, keys[role]!);

    it('refuses an unknown key on the sign-in page and signs in with a real one, showing its roles', async () => {
      const page = await openDashboard(browser, baseUrl);
      await page.getByLabel('API key').fill('plk_not-a-key');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('AUTH.UNKNOWN_KEY').waitFor();
      await shot(page, '01-sign-in-refused');
      await page.getByLabel('API key').fill(keys.crm!);
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect(await page.getByTestId('who').textContent()).toBe('e2e-crm · CRM');
      await page.close();
    }, 30_000);

    it('shows the live counters change on screen after a consent is granted over HTTP', async () => {
      const page = await signedIn('admin');
      const granted = page.getByTestId('count-newsletter-email-granted');
      await page.getByTestId('stream-state').getByText('Live').waitFor();
      expect(await granted.textContent()).toBe('0');
      // Anna and Ben both have an e-mail address and were never asked.
      expect(await page.getByTestId('count-newsletter-email-neverAsked').textContent()).toBe('2');
      await grant(subjectId);
      await granted.filter({ hasText: /^1$/ }).waitFor();
      expect(await page.getByTestId('count-newsletter-email-neverAsked').textContent()).toBe('1');
      expect(await page.getByTestId('total-granted').textContent()).toBe('1');
      await shot(page, '02-overview-live');
      await page.close();
    }, 30_000);

    it('finds a subject by e-mail and shows its profile, consent matrix and timeline with evidence', async () => {
      const page = await signedIn('crm');
      await page.getByRole('link', { name: 'Subjects' }).click();
      await page.getByLabel('Search by').selectOption('email');
      await page.getByLabel('Value').fill('Anna.Berg@example.org');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: subjectId }).click();
      await page.getByTestId('subject-id').getByText(subjectId).waitFor();
      await page.getByText('anna.berg@example.org').waitFor();
      expect(await page.getByTestId('consent-newsletter-email').textContent()).toContain('Granted');
      await page.getByText('Evidence: checkbox').waitFor();
      await page.getByText(/Consent text version 1 \(en/).waitFor();
      await page.getByRole('button', { name: 'Check' }).click();
      expect(await page.getByTestId('contactability-verdict').textContent()).toContain('Contact allowed');
      await shot(page, '03-profile');
      await page.close();
    }, 30_000);

    it('revokes only on confirmation: Cancel and Escape do nothing, confirming records it', async () => {
      const page = await signedIn('crm');
      await page.goto(`${baseUrl}/#/subjects/${subjectId}`);
      const row = page.getByTestId('consent-newsletter-email');
      const dialog = page.getByRole('dialog');
      await row.getByRole('button', { name: 'Revoke' }).click();
      await dialog.getByText('withdrawn at once').waitFor();
      expect(await page.evaluate('document.activeElement.textContent')).toBe('Cancel');
      await shot(page, '04-revoke-dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByRole('button', { name: 'Revoke' }).click();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect((await api('GET', `/subjects/${subjectId}`, 'crm')).consents[0].status).toBe('granted');
      await row.getByRole('button', { name: 'Revoke' }).click();
      await dialog.getByRole('button', { name: 'Revoke consent' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByText('Revoked', { exact: true }).waitFor();
      expect((await api('GET', `/subjects/${subjectId}`, 'crm')).consents[0].status).toBe('revoked');
      await page.close();
    }, 30_000);

    it('downloads the export (Art. 15) as JSON after confirmation', async () => {
      const page = await signedIn('dpo');
      await page.goto(`${baseUrl}/#/subjects/${subjectId}`);
      await page.getByRole('button', { name: 'Export data' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('dialog').getByRole('button', { name: 'Download export' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`subject-${subjectId}-export.json`);
      expect(readFileSync((await download.path())!, 'utf8')).toContain(subjectId);
      await page.close();
    }, 30_000);

    it('follows the role: an auditor sees proof and receipts but no erasure, revoke or search by address', async () => {
      expect(await api('POST', '/audit/checkpoints', 'admin')).toMatchObject({ recorded: true });
      const page = await signedIn('auditor');
      await page.goto(`${baseUrl}/#/subjects/${subjectId}`);
      await page.getByTestId('consent-newsletter-email').waitFor();
      expect(await page.getByRole('button', { name: 'Erase subject' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
      await page.getByText('(hidden for your role)').first().waitFor();
      await page.goto(`${baseUrl}/#/audit/${subjectId}`);
      expect(await page.getByTestId('verification').textContent()).toContain('History intact');
      await page.getByRole('button', { name: 'Download receipt' }).waitFor();
      await page.getByTestId('anchor-row').first().waitFor();
      expect(await page.getByTestId('verification').textContent()).toContain('Included in the latest anchor');
      await shot(page, '05-audit');
      await page.getByRole('link', { name: 'Subjects' }).click();
      // The search view is its own chunk, loaded on first use.
      await page.getByLabel('Search by').waitFor();
      expect(await page.getByLabel('Search by').locator('option').allTextContents()).toEqual(['Subject id']);
      await page.close();
    }, 30_000);

    it('lets a dpo erase only after acknowledging the irreversible consequence; Escape leaves the subject as it was', async () => {
      const page = await signedIn('dpo');
      await page.goto(`${baseUrl}/#/subjects/${subjectId}`);
      await page.getByRole('button', { name: 'Erase subject' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('This cannot be undone.').waitFor();
      expect(await dialog.getByRole('button', { name: 'Erase irreversibly' }).isDisabled()).toBe(true);
      await shot(page, '06-erasure-dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect((await api('GET', `/subjects/${subjectId}`, 'dpo')).erased).toBe(false);

      const { subjectId: claraId } = await api('POST', '/subjects', 'crm', {
        locale: 'de-DE',
        contactPoints: [{ channel: 'email', address: 'clara@example.org' }],
      });
      // Opened once the read side has her, as a DPO would find her (the api's read waits for it).
      await api('GET', `/subjects/${claraId}`, 'dpo');
      await page.goto(`${baseUrl}/#/subjects/${claraId}`);
      await page.getByText('clara@example.org').waitFor();
      await page.getByRole('button', { name: 'Erase subject' }).click();
      await dialog.getByLabel('Type ERASE to confirm').fill('ERASE');
      await dialog.getByRole('button', { name: 'Erase irreversibly' }).click();
      await page.getByText('This subject was erased (Art. 17)').waitFor();
      expect(await page.getByText('clara@example.org').count()).toBe(0);
      await shot(page, '09-erased');
      expect(await page.getByRole('button', { name: 'Erase subject' }).count()).toBe(0);
      expect((await api('GET', `/subjects/${claraId}`, 'dpo')).erased).toBe(true);
      await page.close();
    }, 30_000);

    it('lists open data-subject requests by due date with the overdue one highlighted', async () => {
      const page = await signedIn('dpo');
      await page.getByRole('link', { name: 'Requests' }).click();
      const rows = page.getByTestId('request-row');
      await rows.nth(1).waitFor();
      expect(await rows.nth(0).getAttribute('class')).toBe('overdue');
      expect(await rows.nth(0).textContent()).toContain('Access (Art. 15)');
      expect(await rows.nth(1).getAttribute('class')).toBe('');
      expect(await rows.nth(1).textContent()).toContain('Erasure (Art. 17)');
      await page.getByText('2 open, 1 overdue').waitFor();
      await shot(page, '08-requests');
      await page.close();
    }, 30_000);

    it('switches between German and English, with dates formatted per language', async () => {
      const page = await signedIn('admin');
      await page.getByRole('heading', { name: 'Consent overview' }).waitFor();
      await page.getByRole('button', { name: 'Deutsch' }).click();
      await page.getByRole('heading', { name: 'Einwilligungen im Überblick' }).waitFor();
      await page.getByRole('link', { name: 'Anfragen' }).waitFor();
      await page
        .getByTestId('stream-state')
        .getByText(/Stand \d{2}\.\d{2}\.\d{4}/)
        .waitFor();
      await shot(page, '07-overview-de');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Consent overview' }).waitFor();
      await page.close();
    }, 30_000);

    it('marks a subject below the age of digital consent with a badge (Art. 8), and an adult with none', async () => {
      const tenYearsAgo = `${new Date().getUTCFullYear() - 10}-01-01`;
      const register = (dateOfBirth: string, phone: string) =>
        api('POST', '/subjects', 'crm', {
          locale: 'de-DE',
          contactPoints: [{ channel: 'sms', address: phone }],
          profile: { dateOfBirth },
        });
      const child = await register(tenYearsAgo, '+49 151 1000001');
      const adult = await register('1980-05-01', '+49 151 1000002');
      const page = await signedIn('crm');
      await page.goto(`${baseUrl}/#/subjects/${child.subjectId}`);
      expect(await page.getByTestId('child-badge').textContent()).toBe('Child: under 16 (Art. 8)');
      await page.goto(`${baseUrl}/#/subjects/${adult.subjectId}`);
      await page.getByTestId('subject-id').getByText(adult.subjectId).waitFor();
      expect(await page.getByTestId('child-badge').count()).toBe(0);
      await page.close();
    }, 30_000);
  });
});
