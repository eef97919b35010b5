import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import {
  apiCaller,
  bootDashboardApp,
  CHROMIUM,
  type DashboardApp,
  launchChromium,
  screenshot,
  signIn,
} from './support/dashboard-harness';
import { seedRecords } from './read-stats.seed';

/**
 * Mission Control as the DPO's cockpit and the CRM agent's workspace, in Debian's chromium against
 * the real api: 360 imported subjects (read-stats.seed.ts, so every figure is counted by hand there),
 * a DPO on a desktop, a CRM agent on a phone (390x844).
 */
const describeInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

describeInBrowser('Mission Control workspace (e2e)', () => {
  let app: DashboardApp;
  let browser: BrowserContext;
  let baseUrl: string;
  let keys: Record<string, string>;
  const folders: string[] = [];
  const api = apiCaller(
    () => baseUrl,
    () => keys,
  );
  const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

  beforeAll(async () => {
    app = await bootDashboardApp(folders);
    ({ baseUrl, keys } = app);
    for (const [id, legalBasis, allowedChannels] of [
      ['news', 'consent', ['email', 'sms']],
      ['offers', 'legitimate_interest', ['email']],
    ] as const) {
      const topic = { id, title: id, description: id, allowedChannels, legalBasis, personalFields: [] };
      await api('POST', '/topics', 'admin', { ...topic, retentionDays: 365 });
      await api('POST', `/topics/${id}/versions`, 'dpo', { text: `Yes to ${id}`, language: 'en', change: 'material' });
    }
    const imported = await fetch(`${baseUrl}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.admin}`, 'content-type': 'application/x-ndjson' },
      body: seedRecords(),
    });
    expect(await imported.json()).toMatchObject({ refused: 0 });
    const userDataDir = mkdtempSync(join(tmpdir(), 'ledger-chromium-'));
    folders.push(userDataDir);
    browser = await launchChromium(userDataDir);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function person(firstName: string, lastName: string, address: string): Promise<string> {
    const { subjectId } = await api('POST', '/subjects', 'crm', {
      locale: 'de-DE',
      contactPoints: [{ channel: 'email', address }],
      profile: { firstName, lastName },
    });
    return subjectId;
  }

  /** WCAG 2.x A and AA, as the rest of the browser suite holds every view to. */
  async function expectAccessible(page: Page): Promise<void> {
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  async function at(role: string, width: number, height: number): Promise<Page> {
    const page = await signIn(browser, baseUrl, keys[role]!);
    await page.setViewportSize({ width, height });
    return page;
  }

  it('shows a DPO how many people may be contacted per topic and channel, and what is overdue', async () => {
    const late = await person('Lena', 'Late', 'lena@example.org');
    await api('POST', `/subjects/${late}/requests`, 'crm', {
      kind: 'access',
      channel: 'email',
      receivedAt: days(40),
      reference: 'OVERDUE-1',
    });
    const page = await at('dpo', 1440, 900);
    await page.getByTestId('stream-state').getByText('Live').waitFor();
    // 361 people now: the seed's 360 and Lena; 25 of them have a block (not 276 cells).
    await page.getByTestId('total-people').getByText('361').waitFor();
    expect(await page.getByTestId('total-blocked').textContent()).toBe('25');
    expect(await page.getByTestId('count-news-email-contactable').textContent()).toBe('42');
    expect(await page.getByTestId('rate-news-sms').textContent()).toBe('50 %');
    expect(await page.getByTestId('count-offers-email-contactable').textContent()).toBe('313');
    expect(await page.getByTestId('count-offers-email-objected').textContent()).toBe('36');
    expect(await page.getByTestId('no-consent-offers-email').textContent()).toBe('no consent needed');
    expect(await page.getByTestId('count-offers-email-neverAsked').count()).toBe(0);
    const overdue = page.getByTestId('due-overdue');
    expect(await overdue.textContent()).toContain('Access (Art. 15)');
    expect(await overdue.textContent()).toContain('OVERDUE-1');
    await screenshot(page, 'workspace-01-dpo-overview');
    await expectAccessible(page);

    // The stream drops (the server closes every connection; the browser is offline, so reconnecting
    // fails): the figures stay, marked, and come back live once the network does.
    try {
      await browser.setOffline(true);
      (app.booted.app.getHttpServer() as import('node:http').Server).closeAllConnections();
      await page.getByTestId('stale-since').getByText('connection lost').waitFor();
      expect(await page.getByTestId('total-people').textContent()).toBe('361');
      await screenshot(page, 'workspace-01b-stale');
      await expectAccessible(page);
    } finally {
      await browser.setOffline(false);
    }
    await page.getByTestId('stream-state').getByText('Live').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('stale-since').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('lets a CRM agent on a phone complete an access request and an erasure request', async () => {
    const greta = await person('Greta', 'Berg', 'greta.berg@example.org');
    await api('POST', `/subjects/${greta}/requests`, 'crm', { kind: 'access', channel: 'email', reference: 'ACC-7' });
    await api('POST', `/subjects/${greta}/requests`, 'crm', { kind: 'erasure', channel: 'web', reference: 'ERA-7' });
    const page = await at('crm', 390, 844);
    await page.goto(`${baseUrl}/#/requests`);
    const access = page.getByTestId('request-row').filter({ hasText: 'ACC-7' });
    // Art. 15: the copy first, from the subject's page, then the request is marked fulfilled.
    await access.getByRole('link', { name: 'Greta Berg' }).click();
    await page.getByRole('button', { name: 'Export data' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('dialog').getByRole('button', { name: 'Download export' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`subject-${greta}-export.json`);
    // On a phone the menu is folded behind its button.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Requests' }).click();
    await access.getByRole('button', { name: 'Fulfil' }).click();
    await expectAccessible(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Mark fulfilled' }).click();
    await page.getByText('The request was marked as fulfilled.').waitFor();
    await access.waitFor({ state: 'detached' });
    await screenshot(page, 'workspace-02-crm-queue-phone');

    await page
      .getByTestId('request-row')
      .filter({ hasText: 'ERA-7' })
      .getByRole('link', { name: 'Greta Berg' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Greta Berg' }).waitFor();
    expect(await page.title()).toContain('Greta Berg');
    await page.getByTestId('case').filter({ hasText: 'ERA-7' }).waitFor();
    await page.getByRole('button', { name: 'Erase subject' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Erase Greta Berg for good?' }).waitFor();
    expect(await dialog.getByLabel('The erasure request it answers').locator('option').allTextContents()).toEqual([
      expect.stringContaining('ERA-7'),
    ]);
    const erase = dialog.getByRole('button', { name: 'Erase irreversibly' });
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel('Type ERASE to confirm').fill('ERASE');
    await screenshot(page, 'workspace-03-crm-erasure-dialog-phone');
    await expectAccessible(page);
    await erase.click();
    await page.getByText('This subject was erased (Art. 17)').waitFor();
    expect((await api('GET', `/subjects/${greta}`, 'crm')).erased).toBe(true);
    expect(await api('GET', `/requests?subjectId=${greta}`, 'crm')).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows every topic and channel of a blocked person as not contactable, with the reason, and lifts the block', async () => {
    const ben = await person('Ben', 'Block', 'ben.block@example.org');
    await api('POST', `/subjects/${ben}/consents`, 'crm', {
      topicId: 'news',
      channel: 'email',
      evidence: {
        method: 'paper',
        capturedAt: '2024-04-02T09:30:00Z',
        sourceSystem: 'shop',
        textVersion: 1,
        affirmativeAction: true,
      },
    });
    await api('POST', `/subjects/${ben}/blocks`, 'crm', {
      scope: { kind: 'global' },
      reason: 'Complaint',
      reference: { kind: 'complaint', id: 'K-9' },
    });
    const page = await at('crm', 390, 844);
    await page.goto(`${baseUrl}/#/subjects/${ben}`);
    const cell = page.getByTestId('consent-news-email');
    await cell.getByText('Contact block on all channels').waitFor();
    expect(await cell.getByTestId('may-contact').textContent()).toContain('No');
    expect(await cell.textContent()).toContain('Granted');
    expect(await cell.textContent()).toContain('2 Apr 2024');
    await cell.getByText('Consent text').click();
    await cell.getByText('Yes to news').waitFor();
    for (const other of ['consent-news-sms', 'consent-offers-email'])
      await page.getByTestId(other).getByText('Contact block on all channels').waitFor();
    await screenshot(page, 'workspace-04-subject-picture-phone');
    await expectAccessible(page);
    await page.getByTestId('block').getByRole('button', { name: 'Lift block' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lift block' }).click();
    await page.getByText('The contact block was lifted.').waitFor();
    expect(await cell.getByTestId('may-contact').textContent()).toContain('Yes');
    await page.close();
  }, 60_000);

  it('keeps an erasure deferred by a legal hold as a banner on the subject until the hold ends', async () => {
    const hanna = await person('Hanna', 'Hold', 'hanna@example.org');
    const { holdId } = await api('POST', `/subjects/${hanna}/legal-holds`, 'dpo', {
      reason: 'Invoices (HGB § 257)',
      until: '2099-01-01T00:00:00.000Z',
    });
    const page = await at('dpo', 390, 844);
    await page.goto(`${baseUrl}/#/subjects/${hanna}`);
    await page.getByTestId('legal-hold').getByText('Invoices (HGB § 257)').waitFor();
    await page.getByRole('button', { name: 'Erase subject' }).click();
    await page.getByRole('dialog').getByLabel('Type ERASE to confirm').fill('erase');
    await page.getByRole('dialog').getByRole('button', { name: 'Erase irreversibly' }).click();
    await page.getByTestId('deferral-banner').waitFor();
    await page.reload();
    await page.getByTestId('deferral-banner').getByText('Erasure deferred by a legal hold').waitFor();
    await screenshot(page, 'workspace-05-deferral-banner');
    await expectAccessible(page);
    await api('DELETE', `/subjects/${hanna}/legal-holds/${holdId}`, 'dpo');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Hanna Hold|Subject without a name/ }).waitFor();
    expect(await page.getByTestId('deferral-banner').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('lets a DPO filter the queue, extend a request with a reason and reject another', async () => {
    const ida = await person('Ida', 'Queue', 'ida@example.org');
    await api('POST', `/subjects/${ida}/requests`, 'crm', { kind: 'portability', channel: 'post', reference: 'P-1' });
    await api('POST', `/subjects/${ida}/requests`, 'crm', { kind: 'rectification', channel: 'post', reference: 'R-1' });
    const page = await at('dpo', 1440, 900);
    await page.goto(`${baseUrl}/#/requests`);
    await page.getByLabel('Kind').selectOption('portability');
    const rows = page.getByTestId('request-row');
    await rows.filter({ hasText: 'P-1' }).waitFor();
    expect(await rows.filter({ hasText: 'R-1' }).count()).toBe(0);
    await rows.filter({ hasText: 'P-1' }).getByRole('button', { name: 'Extend' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason (the person is told)').fill('Many requests at once');
    await dialog.getByRole('button', { name: 'Extend deadline' }).click();
    await rows.filter({ hasText: 'P-1' }).getByText('extended').waitFor();
    await expectAccessible(page);
    expect(await rows.filter({ hasText: 'P-1' }).textContent()).toMatch(/\d+ days left/);
    await page.getByLabel('Kind').selectOption('');
    await rows.filter({ hasText: 'R-1' }).getByRole('button', { name: 'Reject' }).click();
    await dialog.getByLabel('Reason').fill('Identity could not be verified (Art. 12(6))');
    await dialog.getByRole('button', { name: 'Reject request' }).click();
    await page.getByText('The request was rejected.').waitFor();
    expect(await rows.filter({ hasText: 'R-1' }).count()).toBe(0);
    await page.getByLabel('Only overdue').check();
    expect(await rows.filter({ hasText: 'P-1' }).count()).toBe(0);
    await page.close();
  }, 60_000);
});
