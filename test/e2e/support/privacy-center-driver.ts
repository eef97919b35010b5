import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { de } from '../../../apps/dashboard/src/privacy-center/i18n/de';
import { en, type Dictionary } from '../../../apps/dashboard/src/privacy-center/i18n/en';

/** The page's own words, so a test reads the button a person reads, in either language. */
export const WORDS: Record<'en' | 'de', Dictionary> = { en, de };
export type Words = Dictionary;

/** WCAG 2.2 A and AA, as axe-core tags them. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The text before a message's first placeholder: enough to know which message is shown. */
export const lead = (template: string): string => template.split('{')[0]!;

/** axe's findings, reduced to what names the problem and where. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: string[] }>> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
}

export function htmlLang(page: Page): Promise<string> {
  return page.evaluate<string>('document.documentElement.lang');
}

/** The result region once it says something; the page moves focus there after every action. */
export async function noticeText(page: Page, containing: string): Promise<string> {
  const notice = page.getByTestId('notice').filter({ hasText: containing });
  await notice.waitFor();
  return (await notice.textContent()) ?? '';
}

export function focusedElement(page: Page): Promise<{ testId: string | null; text: string; outline: string }> {
  // A string: the test's own tsconfig has no DOM types; this runs in the page.
  return page.evaluate(`(() => {
    const element = document.activeElement;
    return { testId: element.dataset.testid ?? null, text: element.textContent ?? '', outline: getComputedStyle(element).outlineStyle };
  })()`);
}

/** Presses Tab until the focused element's text is `text` (keyboard only: no click, no focus()). */
export async function tabTo(page: Page, text: string, limit = 80): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    if ((await focusedElement(page)).text.trim() === text) return;
  }
  throw new Error(`"${text}" not reached with ${limit} presses of Tab`);
}

/** Every request the page makes, and every console complaint (a CSP violation is one). */
export function watch(page: Page, baseUrl: string): { foreignRequests: string[]; cspViolations: string[] } {
  const seen = { foreignRequests: [] as string[], cspViolations: [] as string[] };
  const origin = new URL(baseUrl).origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['blob:', 'data:'].includes(url.protocol) && url.origin !== origin) seen.foreignRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.cspViolations.push(message.text());
  });
  return seen;
}

/**
 * The four things the "done when" names, each answered on the page; `at` checks and
 * photographs each view reached. Returns the downloaded copy.
 */
export async function revokeObjectDownloadErase(
  page: Page,
  words: Words,
  at: (view: string) => Promise<void>,
): Promise<string> {
  const email = words['channel.email'];
  await page.getByRole('button', { name: `${words['topic.revoke']}: Newsletter, ${email}` }).click();
  await noticeText(page, fill(words['done.revoked'], { topic: 'Newsletter', channel: email }));
  await at('revoked');
  await page.getByRole('button', { name: words['rights.profiling'], exact: true }).click();
  await noticeText(page, words['done.objected.profiling']);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: words['requests.download'] }).click(),
  ]);
  await noticeText(page, lead(words['done.downloaded']));
  const copy = readFileSync(await download.path(), 'utf8');
  await page.getByRole('button', { name: words['requests.erasure'] }).click();
  await page.getByRole('dialog', { name: words['requests.erasureConfirmTitle'] }).waitFor();
  await at('erasure-confirmation');
  await page.getByRole('button', { name: words['requests.erasureConfirm'] }).click();
  await noticeText(page, lead(words['done.requested.erasure']));
  await at('erasure-requested');
  return copy;
}
