import { resolve } from 'node:path';
import type { Language } from '../../../dashboard/src/i18n/languages';
import { builtDirectory, DashboardFiles, type DashboardFile } from '../dashboard/dashboard-files';

/** Vite names the built page after its entry (apps/dashboard/privacy-center.html). */
export const PRIVACY_CENTER_ENTRY = 'privacy-center.html';
export const PRIVACY_CENTER_PATH = 'privacy-center';

/**
 * The Privacy Center's build (dist/privacy-center; PRIVACY_CENTER_DIR points elsewhere), with the
 * page once per language: `<html lang>` set by the server, so it is right before any script runs.
 */
export class PrivacyCenterPage {
  constructor(readonly files: DashboardFiles) {}

  static load(env: NodeJS.ProcessEnv = process.env): PrivacyCenterPage {
    const directory = env.PRIVACY_CENTER_DIR
      ? resolve(env.PRIVACY_CENTER_DIR)
      : builtDirectory(PRIVACY_CENTER_PATH, PRIVACY_CENTER_ENTRY);
    return new PrivacyCenterPage(new DashboardFiles(directory, PRIVACY_CENTER_ENTRY));
  }

  page(language: Language): DashboardFile | undefined {
    return this.files.index(language);
  }
}
