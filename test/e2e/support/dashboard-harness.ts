import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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
export function apiCaller(baseUrl: () => string, keys: () => Record<string, string>) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
  return async (method: string, path: string, role: string, body?: unknown): Promise<any> => {
    const response = await fetch(baseUrl() + path, {
      method,
      headers: { authorization: `Bearer ${keys()[role]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
}
