import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { EVIDENCE } from './support/contract-scenario';
import { bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { apiCaller, buildDashboard, CHROMIUM, launchChromium, screenshot } from './support/dashboard-harness';
import { moveClockTo } from './support/fake-clock';
import { until } from './support/journey-receivers';
import {
  axeViolations,
  DESKTOP,
  fill,
  focusedElement,
  htmlLang,
  lead,
  noticeText,
  PHONE,
  revokeObjectDownloadErase,
  scrollsSideways,
  tabTo,
  watch,
  WORDS,
} from './support/privacy-center-driver';

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
      // A phone's connection carries the script compressed.
      const raw = await fetch(baseUrl + script, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(raw.headers.get('content-encoding')).toBe('br');
      expect(raw.headers.get('vary')).toContain('accept-encoding');
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

  describeInBrowser('in Debian chromium', () => {
    let browser: BrowserContext;
    const people: Record<string, string> = {};
    const fiveDaysAgo = () => Date.now() - 5 * 86_400_000;

    const register = async (name: string, locale: string, address: string) => {
      const { subjectId } = await api('POST', '/subjects', 'crm', {
        locale,
        contactPoints: [{ channel: 'email', address }],
      });
      await api('POST', `/subjects/${subjectId}/consents`, 'crm', {
        topicId: 'newsletter',
        channel: 'email',
        evidence: EVIDENCE(),
      });
      people[name] = subjectId;
    };

    /** What a mail footer carries, opened on this test server (PUBLIC_BASE_URL names another port). */
    const footerLink = async (name: string, ttlDays?: number): Promise<string> => {
      const { url } = await api('POST', '/privacy-center-links', 'journey', { subjectId: people[name], ttlDays });
      return `${baseUrl}/privacy-center/${new URL(url).hash}`;
    };

    const watched = new Map<Page, ReturnType<typeof watch>>();
    const open = async (
      url: string,
      viewport: { width: number; height: number },
      headers: Record<string, string> = {},
    ) => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      watched.set(page, watch(page, baseUrl));
      await page.setExtraHTTPHeaders(headers);
      await page.setViewportSize(viewport);
      await page.goto(url);
      return page;
    };

    /** axe reports nothing (WCAG 2.2 A/AA) and the view is saved for review. */
    const checked = (page: Page, prefix: string) => async (view: string) => {
      expect({ view, violations: await axeViolations(page) }).toEqual({ view, violations: [] });
      await screenshot(page, `privacy-center-${prefix}-${view}`);
    };

    const history = (name: string): Promise<Array<{ type: string; data: Record<string, unknown> }>> =>
      api('GET', `/subjects/${people[name]}/history`, 'dpo');
    const byPrivacyCenter = expect.objectContaining({ method: 'privacy_center' });

    // biome-ignore lint/suspicious/noDuplicateTestHooks: the hooks of describeInBrowser, a describe of its own
    beforeAll(async () => {
      await api('POST', '/topics', 'admin', {
        id: 'newsletter',
        title: 'Newsletter',
        description: 'Monthly news about our products',
        allowedChannels: ['email', 'sms'],
        legalBasis: 'consent',
        personalFields: [],
        retentionDays: 730,
      });
      await api('POST', '/topics/newsletter/versions', 'admin', {
        text: 'Yes, send me the monthly newsletter. I can withdraw at any time.',
        language: 'en',
        change: 'material',
      });
      await register('anna', 'de-DE', 'anna.berg@example.org');
      await register('ben', 'en-GB', 'ben.cole@example.org');
      await register('carla', 'en-GB', 'carla.diaz@example.org');
      await register('dora', 'de-DE', 'dora.ernst@example.org');
      await register('emil', 'de-DE', 'emil.fuchs@example.org');
      const userDataDir = mkdtempSync(join(tmpdir(), 'ledger-chromium-'));
      folders.push(userDataDir);
      browser = await launchChromium(userDataDir);
    }, 30_000);

    // biome-ignore lint/suspicious/noDuplicateTestHooks: the hooks of describeInBrowser, a describe of its own
    afterAll(() => browser?.close());

    // Each test starts without a language chosen on this device: the person's locale decides.
    afterEach(async () => {
      for (const page of browser.pages()) await page.close();
    });

    it('on a phone, from a footer link: revoke one topic, object to profiling, download, request erasure (German)', async () => {
      const words = WORDS.de;
      const page = await open(await footerLink('anna'), PHONE);
      await page.getByRole('heading', { level: 1, name: words['overview.heading'] }).waitFor();
      expect(await htmlLang(page)).toBe('de');
      expect(page.url()).toBe(`${baseUrl}/privacy-center/`);
      await page.getByText('a***@example.org').first().waitFor();
      await page.getByText(fill(words['topic.text'], { version: '1' })).click();
      await page.getByText('Yes, send me the monthly newsletter.', { exact: false }).waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      const at = checked(page, 'phone-de');
      await at('overview');
      const copy = await revokeObjectDownloadErase(page, words, at);
      expect(await scrollsSideways(page)).toBe(false);
      expect(copy).toContain('anna.berg@example.org');
      expect(watched.get(page)).toEqual({ foreignRequests: [], cspViolations: [] });
      await page.getByText(words['kind.erasure'], { exact: false }).first().waitFor();
      expect(await history('anna')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'ConsentRevoked',
            data: expect.objectContaining({ topicId: 'newsletter', channel: 'email', evidence: byPrivacyCenter }),
          }),
          expect.objectContaining({
            type: 'ObjectionRaised',
            data: expect.objectContaining({
              scope: expect.objectContaining({ kind: 'profiling' }),
              evidence: byPrivacyCenter,
            }),
          }),
          expect.objectContaining({
            type: 'DataSubjectRequestReceived',
            data: expect.objectContaining({ kind: 'access', evidence: byPrivacyCenter }),
          }),
          expect.objectContaining({ type: 'DataSubjectRequestFulfilled' }),
          expect.objectContaining({
            type: 'DataSubjectRequestReceived',
            data: expect.objectContaining({ kind: 'erasure', evidence: byPrivacyCenter }),
          }),
        ]),
      );
    }, 90_000);

    it('on a desktop in English, with Global Privacy Control, switched to German and back, then signed out', async () => {
      const words = WORDS.en;
      const page = await open(await footerLink('ben'), DESKTOP, { 'sec-gpc': '1' });
      await page.getByRole('heading', { level: 1, name: words['overview.heading'] }).waitFor();
      expect(await htmlLang(page)).toBe('en');
      const at = checked(page, 'desktop-en');
      await at('overview');
      const copy = await revokeObjectDownloadErase(page, words, at);
      expect(copy).toContain('ben.cole@example.org');
      const revoked = (await history('ben')).find((event) => event.type === 'ConsentRevoked');
      expect(revoked?.data.evidence).toMatchObject({ method: 'privacy_center', globalPrivacyControl: true });
      await page.getByRole('button', { name: 'Deutsch' }).click();
      await page.getByRole('heading', { level: 1, name: WORDS.de['overview.heading'] }).waitFor();
      expect(await htmlLang(page)).toBe('de');
      await page.getByRole('button', { name: 'English' }).click();
      expect(await htmlLang(page)).toBe('en');
      await page.getByRole('button', { name: words['app.signOut'] }).click();
      await page.getByText(words['signIn.signedOut']).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: words['app.title'] }).waitFor();
      await page.evaluate('localStorage.clear()');
    }, 90_000);

    it('agrees again (double opt-in from a footer link), blocks a channel, asks for a correction; a lost session says so (desktop, German)', async () => {
      const words = WORDS.de;
      const page = await open(await footerLink('emil'), DESKTOP);
      const email = words['channel.email'];
      await page.getByRole('button', { name: `${words['topic.revoke']}: Newsletter, ${email}` }).click();
      await noticeText(page, fill(words['done.revoked'], { topic: 'Newsletter', channel: email }));
      await page.getByRole('button', { name: `${words['topic.grant']}: Newsletter, ${email}` }).click();
      // A footer link can be forwarded: the address confirms by double opt-in before the consent counts.
      await noticeText(page, fill(words['done.double-opt-in-sent'], { topic: 'Newsletter' }));
      await page.getByText(words['status.pending-double-opt-in']).waitFor();
      expect(await page.getByRole('button', { name: `${words['topic.grant']}: Newsletter, ${email}` }).count()).toBe(0);
      await page.getByRole('combobox', { name: words['rights.blockChannel'] }).selectOption('sms');
      await page.getByRole('button', { name: words['rights.blockChannelSubmit'] }).click();
      await noticeText(page, fill(words['done.blocked.channel'], { channel: 'SMS' }));
      await page.getByRole('combobox', { name: words['requests.field'] }).selectOption('lastName');
      await page.getByRole('textbox', { name: words['requests.correction'] }).fill('Fuchs-Berger');
      await page.getByRole('button', { name: words['requests.rectifySubmit'] }).click();
      await noticeText(page, lead(words['done.requested.rectification']));
      await page.getByText(lead(fill(words['requests.row'], { kind: words['kind.rectification'] }))).waitFor();
      await checked(page, 'desktop-de')('more-actions');
      // The session cookie gone (30 minutes passed, another device signed out): the next click says so.
      await browser.clearCookies();
      await page.getByRole('button', { name: words['rights.profiling'] }).click();
      await page.getByText(words['signIn.ended']).waitFor();
      await page.getByRole('textbox', { name: words['signIn.email'] }).waitFor();
      expect(await history('emil')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'DoubleOptInRequested' }),
          expect.objectContaining({
            type: 'ContactBlockSet',
            data: expect.objectContaining({ scope: { kind: 'channel', channel: 'sms' }, evidence: byPrivacyCenter }),
          }),
          expect.objectContaining({
            type: 'DataSubjectRequestReceived',
            data: expect.objectContaining({ kind: 'rectification', evidence: byPrivacyCenter }),
          }),
        ]),
      );
    }, 90_000);

    it('works by keyboard alone: Tab to an action, Enter does it, focus lands on the answer; Space switches language', async () => {
      const words = WORDS.en;
      const page = await open(await footerLink('carla'), PHONE);
      await page.getByRole('heading', { level: 1, name: words['overview.heading'] }).waitFor();
      await tabTo(page, words['rights.directMarketing']);
      expect((await focusedElement(page)).outline).not.toBe('none');
      await page.keyboard.press('Enter');
      await noticeText(page, words['done.objected.direct_marketing']);
      expect((await focusedElement(page)).testId).toBe('notice');
      await tabTo(page, 'Deutsch');
      await page.keyboard.press('Space');
      expect(await htmlLang(page)).toBe('de');
      await screenshot(page, 'privacy-center-keyboard');
      expect(await history('carla')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'ObjectionRaised',
            data: expect.objectContaining({ scope: { kind: 'direct_marketing' }, evidence: byPrivacyCenter }),
          }),
        ]),
      );
      await page.evaluate('localStorage.clear()');
    }, 60_000);

    it('signs in by address: the same answer for a stranger, a single-use link by mail, "already used" the second time', async () => {
      const words = WORDS.en;
      const page = await open(`${baseUrl}/privacy-center/`, PHONE);
      await page.getByRole('heading', { level: 1, name: words['app.title'] }).waitFor();
      await checked(page, 'phone-en')('sign-in');
      for (const address of ['nobody@example.org', 'Dora.Ernst@example.org']) {
        await page.getByRole('textbox', { name: words['signIn.email'] }).fill(address);
        await page.getByRole('button', { name: words['signIn.submit'] }).click();
        await noticeText(page, words['signIn.sent']);
      }
      const link = await until('the sign-in mail', () => signInLink(join(booted.dataDir, 'outbox-mail')), 15_000);
      const signedIn = await open(`${baseUrl}/privacy-center/${link}`, PHONE);
      await signedIn.getByRole('heading', { level: 1, name: WORDS.de['overview.heading'] }).waitFor();
      const again = await open(`${baseUrl}/privacy-center/${link}`, PHONE);
      await again.getByRole('heading', { level: 1, name: WORDS.en['link.used'] }).waitFor();
      await again.getByRole('textbox', { name: words['signIn.email'] }).waitFor();
      await checked(again, 'phone-en')('link-used');
    }, 60_000);

    it('an expired or forged link says so and offers the sign-in form, revealing nothing', async () => {
      moveClockTo(fiveDaysAgo());
      let expired: string;
      try {
        expired = await footerLink('dora', 1);
      } finally {
        jest.useRealTimers();
      }
      const page = await open(expired, DESKTOP);
      await page.getByRole('heading', { level: 1, name: WORDS.en['link.expired'] }).waitFor();
      await page.getByRole('button', { name: WORDS.en['signIn.submit'] }).waitFor();
      await checked(page, 'desktop-en')('link-expired');
      const forged = await open(`${baseUrl}/privacy-center/#link=forged.token`, DESKTOP);
      await forged.getByRole('heading', { level: 1, name: WORDS.en['link.invalid'] }).waitFor();
      expect(await forged.locator('main').textContent()).not.toContain('dora');
    }, 60_000);
  });
});

/** The sign-in link of the newest mail in the development outbox (quoted-printable undone). */
function signInLink(folder: string): string | undefined {
  if (!existsSync(folder)) return undefined;
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.eml'));
  for (const name of files) {
    const text = readFileSync(join(folder, name), 'utf8')
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    const match = /#signin=[A-Za-z0-9._~-]+/.exec(text);
    if (match) return match[0];
  }
  return undefined;
}
