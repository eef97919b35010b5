import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { LANGUAGES, type Language } from '../../../dashboard/src/i18n/languages';
import type { Encoding } from './content-negotiation';

/** One built file of the dashboard, held in memory: the whole build is a few hundred kilobytes. */
export interface DashboardFile {
  body: Buffer;
  type: string;
  /** Vite names assets by content hash, so a browser may keep them for good. */
  immutable: boolean;
  /** The same bytes compressed, by encoding (the build writes `.br` and `.gz` beside each asset). */
  encoded: Partial<Record<Encoding, Buffer>>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const SUFFIXES: Readonly<Record<Encoding, string>> = { br: '.br', gzip: '.gz' };

/** A Vite build next to the compiled api (dist/<folder>) or, from the sources, under the repository's dist. */
export function builtDirectory(folder: string, entry: string): string | undefined {
  const candidates = [resolve(__dirname, '../../../..', folder), resolve(__dirname, '../../../../dist', folder)];
  return candidates.find((dir) => existsSync(join(dir, entry)));
}

/** The page in one language: `<html lang>` set by the server, so no script has to fix it after the first paint. */
function pageIn(page: DashboardFile, language: Language): DashboardFile {
  const body = Buffer.from(page.body.toString('utf8').replace(/<html lang="[^"]*"/, `<html lang="${language}"`));
  // The page is a kilobyte: compressing it here costs well under a millisecond.
  return { ...page, body, encoded: { br: brotliCompressSync(body), gzip: gzipSync(body) } };
}

/**
 * A page's build (`vite build`), read once at start: Mission Control's (DASHBOARD_DIR points
 * elsewhere) and, with its own entry page, the Privacy Center's.
 */
export class DashboardFiles {
  private readonly files = new Map<string, DashboardFile>();
  private readonly pages = new Map<Language, DashboardFile>();

  constructor(
    readonly directory: string | undefined,
    readonly entry = 'index.html',
  ) {
    if (!directory || !existsSync(join(directory, entry))) return;
    this.readTree(directory, '');
    const page = this.files.get(entry)!;
    for (const language of LANGUAGES) this.pages.set(language, pageIn(page, language));
  }

  static load(env: NodeJS.ProcessEnv = process.env): DashboardFiles {
    return new DashboardFiles(
      env.DASHBOARD_DIR ? resolve(env.DASHBOARD_DIR) : builtDirectory('dashboard', 'index.html'),
    );
  }

  get built(): boolean {
    return this.files.has(this.entry);
  }

  index(language: Language): DashboardFile | undefined {
    return this.pages.get(language);
  }

  /** Only names that were in the build: a request path never reaches the file system. */
  file(path: string): DashboardFile | undefined {
    return path === this.entry ? undefined : this.files.get(path);
  }

  private readTree(directory: string, prefix: string): void {
    for (const name of readdirSync(directory)) {
      const full = join(directory, name);
      const relative = prefix + name;
      const type = TYPES[extname(name)];
      if (statSync(full).isDirectory()) this.readTree(full, `${relative}/`);
      else if (type)
        this.files.set(relative, {
          body: readFileSync(full),
          type,
          immutable: relative.startsWith('assets/'),
          encoded: precompressed(full),
        });
    }
  }
}

function precompressed(full: string): Partial<Record<Encoding, Buffer>> {
  const encoded: Partial<Record<Encoding, Buffer>> = {};
  for (const [encoding, suffix] of Object.entries(SUFFIXES) as Array<[Encoding, string]>)
    if (existsSync(full + suffix)) encoded[encoding] = readFileSync(full + suffix);
  return encoded;
}
