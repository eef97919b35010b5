import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { bootApp, createRoleKeys, tempDataDir, type BootedApp } from './boot';

/** Debian's chromium: the browser tests never download one. */
export const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..', '..');
const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
export const UI_TIMEOUT = 10_000;

/** Builds the dashboard from its sources into a fresh temp folder (the caller removes it). */
export function buildDashboard(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'ledger-dashboard-'));
  const args = [
    'node_modules/vite/bin/vite.js',
    'build',
    '--config',
    'apps/dashboard/vite.config.mts',
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ];
  const build = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
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

/**
 * The real app on the embedded stores, listening on 127.0.0.1 and serving a dashboard freshly built
 * from its sources; every folder it makes goes into `folders` for the caller to remove.
 */
export async function bootAppWithDashboard(
  folders: string[],
): Promise<{ booted: BootedApp; baseUrl: string; keys: Record<string, string> }> {
  const outDir = buildDashboard();
  folders.push(outDir);
  process.env.DASHBOARD_DIR = outDir;
  const dataDir = tempDataDir();
  folders.push(dataDir);
  const keys = createRoleKeys(dataDir);
  const booted = await bootApp({ dataDir, listen: true });
  return { booted, baseUrl: (await booted.app.getUrl()).replace('[::1]', '127.0.0.1'), keys };
}
