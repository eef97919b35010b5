import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  accessibilityViolations,
  apiCaller,
  bootDashboardApp,
  buttonsOutOfView,
  CHROMIUM,
  type DashboardApp,
  defineNewsletter,
  grantNewsletter,
  launchChromium,
  pageScrollsSideways,
  screenshot,
  SIZES,
  UI_TIMEOUT,
} from './support/dashboard-harness';

/**
 * Mission Control as people use it (issue #19): every view and dialog at phone and laptop size, in
 * German and English, with axe (WCAG 2.2 A/AA) on each, no sideways page scroll, dialogs that fit,
 * the language right from the first paint, focus after navigation and actions, and a light first load.
 */
const describeInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
type Language = 'en' | 'de';

describeInBrowser('Mission Control on any screen, in both languages (e2e, chromium)', () => {
  let app: DashboardApp;
  let browser: BrowserContext;
  let baseUrl: string;
  let keys: Record<string, string>;
  let anna: string;
  let ben: string;
  const profile = mkdtempSync(join(tmpdir(), 'ledger-chromium-'));
  const api = apiCaller(
    () => baseUrl,
    () => keys,
  );

  beforeAll(async () => {
    app = await bootDashboardApp([profile]);
    ({ baseUrl, keys } = app);
    await defineNewsletter(api);
    const register = async (address: string) =>
      (await api('POST', '/subjects', 'crm', { locale: 'de-DE', contactPoints: [{ channel: 'email', address }] }))
        .subjectId as string;
    [anna, ben] = [await register('anna.berg@example.org'), await register('ben@example.org')];
    await grantNewsletter(api, anna);
    await grantNewsletter(api, ben);
    const receivedAt = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await api('POST', `/subjects/${ben}/requests`, 'crm', { kind: 'access', channel: 'email', receivedAt });
    await api('POST', `/subjects/${anna}/requests`, 'crm', { kind: 'erasure', channel: 'web' });
    await api('POST', '/audit/checkpoints', 'admin');
    browser = await launchChromium(profile);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A new tab in the language (the cookie the language switch sets), signed in with a role's key. */
  async function signedIn(
    role: string,
    language: Language,
    size: keyof typeof SIZES,
    beforeSignIn: (page: Page) => Promise<void> = async () => undefined,
  ): Promise<Page> {
    await browser.addCookies([{ name: 'ledger-language', value: language, url: baseUrl }]);
    const page = await browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.setViewportSize(SIZES[size]);
    await page.goto(`${baseUrl}/`);
    await page.locator('input[name="api-key"]').waitFor();
    await beforeSignIn(page);
    await page.locator('input[name="api-key"]').fill(keys[role]!);
    await page.locator('input[name="api-key"]').press('Enter');
    await page.getByTestId('who').waitFor({ state: 'attached' });
    return page;
  }

  /** Each view with what shows once its data is in. */
  const views = () => [
    { name: 'overview', hash: '#/overview', ready: '[data-testid="total-granted"]:text-matches("^[0-9]+$")' },
    { name: 'search', hash: '#/subjects', ready: 'form[role="search"]' },
    { name: 'subject', hash: `#/subjects/${anna}`, ready: '[data-testid="timeline-entry"]' },
    { name: 'requests', hash: '#/requests', ready: '[data-testid="request-row"]' },
    // One checkpoint covers Anna: the singular ("1 Anker", "1 anchor") must be right.
    {
      name: 'audit',
      hash: `#/audit/${anna}`,
      ready:
        '[data-testid="verification"]:has-text("1 Anker deckt ihn ab"), [data-testid="verification"]:has-text("1 anchor covers it")',
    },
  ];
  const dialogs = ['block', 'objection', 'export', 'erasure'];

  describe.each([
    ['phone', 'de'],
    ['phone', 'en'],
    ['desktop', 'de'],
    ['desktop', 'en'],
  ] as const)('at %s size in %s', (size, language) => {
    // One tab per size and language (signing in, loading chunks and axe cost the time): the sign-in
    // page, then every view, then every dialog.
    it('shows the sign-in, every view and every dialog without sideways scrolling, titled, with 0 axe violations', async () => {
      const page = await signedIn('admin', language, size, async (signInPage) => {
        expect({ signIn: await pageScrollsSideways(signInPage) }).toEqual({});
        expect(await accessibilityViolations(signInPage)).toEqual([]);
      });
      for (const view of views()) await checkView(page, view, `19-${size}-${language}-${view.name}`, language);
      await page.goto(`${baseUrl}/#/subjects/${anna}`);
      const openers = [
        ...dialogs.map((action) => page.locator(`[data-action="${action}"]`)),
        page.getByTestId('consent-newsletter-email').locator('button').first(),
      ];
      for (const [i, opener] of openers.entries()) {
        await opener.click();
        await page.locator('dialog[open]').waitFor();
        const dialog = dialogs[i] ?? 'revoke';
        expect({ dialog, outOfView: await buttonsOutOfView(page) }).toEqual({ dialog, outOfView: [] });
        expect({ dialog, sideways: await pageScrollsSideways(page) }).toEqual({ dialog });
        expect({ dialog, axe: await accessibilityViolations(page, 'dialog[open]') }).toEqual({ dialog, axe: [] });
        await screenshot(page, `19-${size}-${language}-dialog-${dialog}`);
        await page.keyboard.press('Escape');
        await page.locator('dialog[open]').waitFor({ state: 'detached' });
      }
      await page.close();
    }, 150_000);
  });

  /** One view: its data in, titled after its heading, in the language, no sideways scroll, 0 axe violations. */
  async function checkView(page: Page, view: ReturnType<typeof views>[number], shot: string, language: Language) {
    await page.goto(`${baseUrl}/${view.hash}`);
    await page.locator(view.ready).first().waitFor();
    const heading = await page.locator('main h1').first().textContent();
    const seen = {
      view: view.name,
      title: await page.title(),
      lang: await page.evaluate('document.documentElement.lang'),
      sideways: await pageScrollsSideways(page),
      axe: await accessibilityViolations(page),
    };
    expect(seen).toEqual({ view: view.name, title: `${heading} · Mission Control`, lang: language, axe: [] });
    await screenshot(page, shot);
  }

  it('has <html lang> right before any script runs, once German was chosen', async () => {
    const page = await signedIn('admin', 'en', 'desktop');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    // Recorded when parsing ends, before the deferred module script (React) runs.
    await page.addInitScript(`document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive')
        window.atParse = { lang: document.documentElement.lang, rendered: document.getElementById('root').childElementCount };
    })`);
    await page.reload();
    await page.getByTestId('who').waitFor();
    expect(await page.evaluate('window.atParse')).toEqual({ lang: 'de', rendered: 0 });
    await page.close();
  }, 30_000);

  it('folds the menu on a phone, moves focus to the new view and announces the outcome of an action', async () => {
    const page = await signedIn('admin', 'en', 'phone');
    const toggle = page.getByRole('button', { name: 'Menu' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Requests' }).isVisible()).toBe(false);
    await toggle.click();
    await page.getByRole('link', { name: 'Requests' }).click();
    await page.getByTestId('request-row').first().waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate('[document.activeElement.tagName, document.activeElement.textContent]')).toEqual([
      'H1',
      'Data-subject requests',
    ]);
    expect(await page.title()).toBe('Data-subject requests · Mission Control');
    await page.goto(`${baseUrl}/#/subjects/${ben}`);
    await page.getByTestId('consent-newsletter-email').getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke consent' }).click();
    await page.getByTestId('consent-newsletter-email').getByText('Revoked', { exact: true }).waitFor();
    const status = page.getByRole('status').filter({ hasText: 'Done: Revoke consent.' });
    await status.waitFor();
    expect(await page.evaluate('document.activeElement.dataset.testid')).toBe('announcement');
    await screenshot(page, '19-phone-en-announced');
    await page.close();
  }, 30_000);

  it('speaks German: reasons, refusals and plurals', async () => {
    await api('POST', `/subjects/${anna}/blocks`, 'crm', {
      scope: { kind: 'global' },
      reason: 'asked on the phone',
      reference: { kind: 'communication', id: 'call-7' },
    });
    const page = await signedIn('admin', 'de', 'desktop');
    await page.goto(`${baseUrl}/#/subjects/${anna}`);
    expect(await page.getByTestId('consent-newsletter-email').textContent()).toContain('E-Mail');
    await page.getByText('Nachweis: Ankreuzfeld').waitFor();
    await page.getByRole('button', { name: 'Prüfen' }).click();
    expect(await page.getByTestId('contactability-verdict').textContent()).toContain('Werbesperre für alle Kanäle');
    await page.goto(`${baseUrl}/#/audit/${anna}`);
    await page.getByTestId('verification').getByText('1 Anker deckt ihn ab.').waitFor();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.locator('input[name="api-key"]').fill('plk_not-a-key');
    await page.locator('input[name="api-key"]').press('Enter');
    await page.getByText('Dieser API-Schlüssel ist unbekannt (oder wurde widerrufen).').waitFor();
    await page.close();
  }, 30_000);

  it('loads the overview first and compressed; other views come as their own chunks', async () => {
    const page = await browser.newPage();
    const loaded: Array<{ url: string; type: string; bytes: number; encoding?: string }> = [];
    page.on('requestfinished', async (request) => {
      const { responseBodySize } = await request.sizes();
      const encoding = (await request.response())?.headers()['content-encoding'];
      loaded.push({ url: request.url(), type: request.resourceType(), bytes: responseBodySize, encoding });
    });
    await page.goto(`${baseUrl}/`);
    await page.locator('input[name="api-key"]').fill(keys.admin!);
    await page.locator('input[name="api-key"]').press('Enter');
    await page.getByTestId('total-granted').filter({ hasText: /^\d+$/ }).waitFor();
    const statics = loaded.filter((r) => ['document', 'script', 'stylesheet'].includes(r.type));
    expect(statics.filter((r) => r.type === 'script')).toHaveLength(1);
    expect(statics.filter((r) => r.type !== 'document').every((r) => r.encoding === 'br')).toBe(true);
    // Before issue #19: 280 kB uncompressed in one script.
    expect(statics.reduce((sum, r) => sum + r.bytes, 0)).toBeLessThan(90_000);
    await page.goto(`${baseUrl}/#/subjects`);
    await page.locator('form[role="search"]').waitFor();
    expect(loaded.filter((r) => r.type === 'script').length).toBeGreaterThan(1);
    await page.close();
  }, 30_000);

  it('reflows at 200 % zoom: a 1440x900 screen is 720x450 CSS pixels, and nothing scrolls sideways', async () => {
    const page = await signedIn('dpo', 'de', 'desktop');
    await page.setViewportSize({ width: 720, height: 450 });
    for (const view of views()) {
      await page.goto(`${baseUrl}/${view.hash}`);
      await page.locator(view.ready).first().waitFor();
      expect({ view: view.name, sideways: await pageScrollsSideways(page) }).toEqual({ view: view.name });
    }
    await screenshot(page, '19-zoom200-de-audit');
    await page.close();
  }, 30_000);
});
