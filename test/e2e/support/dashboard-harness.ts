import { AxeBuilder } from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { bootApp, createRoleKeys, tempDataDir, type BootedApp } from './boot';

/** Debian's chromium: the browser tests never download one. */
export const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..', '..');
const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
export const UI_TIMEOUT = 10_000;

/**
 * Builds a page from its sources into a fresh temp folder (the caller removes it): Mission Control,
 * or the Privacy Center with `apps/dashboard/privacy-center.vite.config.mts`.
 */
export function buildDashboard(config = 'apps/dashboard/vite.config.mts'): string {
  const outDir = mkdtempSync(join(tmpdir(), 'ledger-dashboard-'));
  const args = [
    'node_modules/vite/bin/vite.js',
    'build',
    '--config',
    config,
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ];
  // The bundle `npm run build` ships: jest's NODE_ENV=test would make Vite build React's development bundle.
  const env = { ...process.env, NODE_ENV: 'production' };
  const build = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr || build.stdout}`);
  return outDir;
}

/** One fresh profile; Playwright passes the folder as --user-data-dir itself (it refuses it among the args). */
export function launchChromium(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    timeout: 20_000,
  });
}

/** A new tab (its own sessionStorage, so its own sign-in) with the dashboard open. */
export async function openDashboard(browser: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  await page.goto(baseUrl + '/');
  return page;
}

export async function signIn(browser: BrowserContext, baseUrl: string, key: string): Promise<Page> {
  const page = await openDashboard(browser, baseUrl);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('who').waitFor();
  return page;
}

/** Saved for review under test-output/screenshots (gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** JSON over HTTP with a role's key; a refusal throws with the api's answer. */
/**
 * The api as a test's other systems use it. Commands' positions are remembered and every call
 * sends the highest as X-Min-Position, so a read (and the page opened after it) sees those writes:
 * the read models are projected off the request thread.
 */
export function apiCaller(baseUrl: () => string, keys: () => Record<string, string>) {
  let position = 0;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
  return async (method: string, path: string, role: string, body?: unknown): Promise<any> => {
    const response = await fetch(baseUrl() + path, {
      method,
      headers: {
        authorization: `Bearer ${keys()[role]}`,
        'x-min-position': String(position),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    const written = (json as { position?: unknown }).position;
    if (typeof written === 'number') position = Math.max(position, written);
    return json;
  };
}

/** The two sizes every view is checked at: a phone (iPhone 12-15) and a laptop. */
export const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } } as const;

/** WCAG 2.2 A and AA, as axe-core tags them. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's A/AA violations on the page (or inside `include`), as "rule: target" lines for a readable failure. */
export async function accessibilityViolations(page: Page, include?: string): Promise<string[]> {
  // Legacy mode runs axe in the page itself: the dashboard has no frames, and the default mode opens
  // (and injects axe into) an extra blank page per run, which tripled the suite's time.
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode();
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

/** WCAG 1.4.10: nothing scrolls the page sideways; a wide table scrolls inside its own box. (Run in the page.) */
export function pageScrollsSideways(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number; widest: string[] } | undefined> {
  // The failure names the deepest elements that reach past the right edge, to find the culprit.
  return page.evaluate(`(() => {
    const scrollWidth = document.scrollingElement.scrollWidth;
    if (scrollWidth <= innerWidth) return undefined;
    const wide = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > innerWidth + 1);
    const widest = wide
      .filter((el) => !wide.some((other) => other !== el && el.contains(other)))
      .slice(0, 5)
      .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''));
    return { scrollWidth, innerWidth, widest };
  })()`);
}

/** The names of the open dialog's buttons that are not wholly inside the viewport. (Run in the page.) */
export function buttonsOutOfView(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('dialog[open] button')]
    .filter((button) => {
      const box = button.getBoundingClientRect();
      return box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth;
    })
    .map((button) => button.textContent)`);
}

/** Creates the newsletter topic (e-mail and SMS) with its first consent text, as an admin would. */
export async function defineNewsletter(api: ReturnType<typeof apiCaller>): Promise<void> {
  await api('POST', '/topics', 'admin', {
    id: 'newsletter',
    title: 'Newsletter',
    description: 'Monthly news',
    allowedChannels: ['email', 'sms'],
    legalBasis: 'consent',
    personalFields: [],
    retentionDays: 730,
  });
  await api('POST', '/topics/newsletter/versions', 'admin', {
    text: 'Yes, send me the monthly newsletter.',
    language: 'en',
    change: 'material',
  });
}

/** A consent to the newsletter by e-mail, ticked by the person on the shop's footer form. */
export function grantNewsletter(api: ReturnType<typeof apiCaller>, subjectId: string): Promise<unknown> {
  return api('POST', `/subjects/${subjectId}/consents`, 'crm', {
    topicId: 'newsletter',
    channel: 'email',
    evidence: {
      method: 'checkbox',
      capturedAt: new Date().toISOString(),
      sourceSystem: 'web-shop',
      formId: 'footer',
      textVersion: 1,
      affirmativeAction: true,
    },
  });
}

export interface DashboardApp {
  /** The running app, for tests that cut its connections (the live stream dropping). */
  booted: BootedApp;
  baseUrl: string;
  keys: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The dashboard built from its sources and served by the real api on fresh embedded stores, with a
 * key per role; close() stops the app and removes the build, the data and `extraFolders`.
 */
export async function bootDashboardApp(extraFolders: string[] = []): Promise<DashboardApp> {
  const previousDashboardDir = process.env.DASHBOARD_DIR;
  const folders = [buildDashboard(), tempDataDir()];
  process.env.DASHBOARD_DIR = folders[0];
  const keys = createRoleKeys(folders[1]!);
  const booted = await bootApp({ dataDir: folders[1], listen: true });
  const baseUrl = (await booted.app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    booted,
    baseUrl,
    keys,
    close: async () => {
      await booted.close();
      if (previousDashboardDir === undefined) delete process.env.DASHBOARD_DIR;
      else process.env.DASHBOARD_DIR = previousDashboardDir;
      for (const folder of [...folders, ...extraFolders]) rmSync(folder, { recursive: true, force: true });
    },
  };
}
