import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  accessibilityViolations,
  apiCaller,
  bootDashboardApp,
  CHROMIUM,
  type DashboardApp,
  defineNewsletter,
  grantNewsletter,
  launchChromium,
  screenshot,
  signIn,
  SIZES,
} from './support/dashboard-harness';

const describeInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

/**
 * What #17 added, used from Mission Control by a CRM agent on a phone (390x844): finding a person by
 * the CRM's customer number, an objection to profiling alone (Art. 21(2)) and mailing the person
 * their copy for an open access request (Art. 15(3)). One boot, one page.
 */
describeInBrowser('Mission Control: identity links, profiling objections, mailed copies (e2e)', () => {
  let dashboard: DashboardApp;
  let page: Page;
  let close: () => Promise<void>;
  const api = apiCaller(
    () => dashboard.baseUrl,
    () => dashboard.keys,
  );

  beforeAll(async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'ledger-chromium-'));
    dashboard = await bootDashboardApp([profileDir]);
    const browser = await launchChromium(profileDir);
    close = async () => (await browser.close(), await dashboard.close());
    page = await signIn(browser, dashboard.baseUrl, dashboard.keys.crm!);
    await page.setViewportSize(SIZES.phone);
  }, 90_000);
  afterAll(() => close?.());

  async function expectDialogAccessible(name: string): Promise<void> {
    await page.getByRole('dialog').waitFor();
    await screenshot(page, `issue-17-${name}-phone`);
    expect(await accessibilityViolations(page, 'dialog[open]')).toEqual([]);
  }

  it('finds a person by external id, records a profiling-only objection and mails them their copy', async () => {
    await defineNewsletter(api);
    const { subjectId } = await api('POST', '/subjects', 'crm', {
      locale: 'de-DE',
      contactPoints: [{ channel: 'email', address: 'jana.kunde@example.org' }],
      profile: { firstName: 'Jana', lastName: 'Kunde' },
      externalIds: [{ system: 'crm', id: '4711' }],
    });
    await grantNewsletter(api, subjectId);
    await api('POST', `/subjects/${subjectId}/requests`, 'crm', {
      kind: 'access',
      channel: 'email',
      reference: 'ACC-17',
    });

    // (c) the CRM's customer number finds the person, beside e-mail and phone.
    await page.goto(`${dashboard.baseUrl}/#/subjects`);
    await page.getByLabel('Search by').selectOption({ label: 'External id (system:id, e.g. crm:4711)' });
    await page.getByLabel('Value').fill('crm:4711');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('list', { name: 'Subjects found' }).getByRole('link', { name: subjectId }).click();
    await page.getByRole('heading', { level: 1, name: 'Jana Kunde' }).waitFor();

    // (a) Art. 21(2): profiling stops for the newsletter; the newsletter itself keeps coming.
    await page.getByRole('button', { name: 'Record objection' }).click();
    const objection = page.getByRole('dialog');
    await objection.getByLabel('Objection to').selectOption({ label: 'Profiling only' });
    await objection.getByLabel('Topic (leave empty for all topics)').fill('newsletter');
    await objection.getByText('Only profiling stops').waitFor();
    await expectDialogAccessible('profiling-objection');
    await objection.getByRole('button', { name: 'Record objection' }).click();
    await objection.waitFor({ state: 'detached' });
    await page.getByText('profiling · newsletter').waitFor();
    const profile = await api('GET', `/subjects/${subjectId}`, 'crm');
    expect(profile.objections).toEqual([
      expect.objectContaining({ scope: { kind: 'profiling', topicId: 'newsletter' } }),
    ]);
    const check = await api('GET', `/subjects/${subjectId}/contactability?topicId=newsletter&channel=email`, 'journey');
    expect(check).toMatchObject({ allowed: true, profilingAllowed: false });

    // (b) Art. 15(3): the copy goes to the person by mail, answering the open access request.
    await page
      .getByTestId('case')
      .filter({ hasText: 'ACC-17' })
      .getByRole('button', { name: 'Send a copy to the person' })
      .click();
    const delivery = page.getByRole('dialog');
    await delivery.getByText('single-use download link').waitFor();
    await expectDialogAccessible('mailed-copy');
    await delivery.getByRole('button', { name: 'Send copy' }).click();
    await page.getByText(/Copy sent: the link works once, until/).waitFor();
    await page.getByTestId('case').filter({ hasText: 'ACC-17' }).waitFor({ state: 'detached' });
    expect(await api('GET', `/requests?status=open&subjectId=${subjectId}`, 'crm')).toEqual([]);
  }, 60_000);
});
