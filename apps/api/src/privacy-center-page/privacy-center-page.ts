import { resolve } from 'node:path';
import { builtDirectory, DashboardFiles, type DashboardFile } from '../dashboard/dashboard-files';
import { PAGE_LANGUAGES, type PageLanguage } from './page-language';

/** Vite names the built page after its entry (apps/dashboard/privacy-center.html). */
export const PRIVACY_CENTER_ENTRY = 'privacy-center.html';
export const PRIVACY_CENTER_PATH = 'privacy-center';

/**
 * The Privacy Center's build (dist/privacy-center; PRIVACY_CENTER_DIR points elsewhere), with the
 * page once per language: `<html lang>` set by the server, so it is right before any script runs.
 */
export class PrivacyCenterPage {
  private readonly pages = new Map<PageLanguage, DashboardFile>();

  constructor(readonly files: DashboardFiles) {
    const page = files.index();
    if (!page) return;
    const html = page.body.toString('utf8');
    for (const language of PAGE_LANGUAGES)
      this.pages.set(language, {
        ...page,
        body: Buffer.from(html.replace(/<html lang="[^"]*"/, `<html lang="${language}"`)),
      });
  }

  static load(env: NodeJS.ProcessEnv = process.env): PrivacyCenterPage {
    const directory = env.PRIVACY_CENTER_DIR
      ? resolve(env.PRIVACY_CENTER_DIR)
      : builtDirectory(PRIVACY_CENTER_PATH, PRIVACY_CENTER_ENTRY);
    return new PrivacyCenterPage(new DashboardFiles(directory, PRIVACY_CENTER_ENTRY));
  }

  page(language: PageLanguage): DashboardFile | undefined {
    return this.pages.get(language);
  }
}
