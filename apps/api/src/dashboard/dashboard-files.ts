import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** One built file of the dashboard, held in memory: the whole build is a few hundred kilobytes. */
export interface DashboardFile {
  body: Buffer;
  type: string;
  /** Vite names assets by content hash, so a browser may keep them for good. */
  immutable: boolean;
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

/** A Vite build next to the compiled api (dist/<folder>) or, from the sources, under the repository's dist. */
export function builtDirectory(folder: string, entry: string): string | undefined {
  const candidates = [resolve(__dirname, '../../../..', folder), resolve(__dirname, '../../../../dist', folder)];
  return candidates.find((dir) => existsSync(join(dir, entry)));
}

/**
 * A page's build (`vite build`), read once at start: Mission Control's (DASHBOARD_DIR points
 * elsewhere) and, with its own entry page, the Privacy Center's.
 */
export class DashboardFiles {
  private readonly files = new Map<string, DashboardFile>();

  constructor(
    readonly directory: string | undefined,
    readonly entry = 'index.html',
  ) {
    if (directory && existsSync(join(directory, entry))) this.readTree(directory, '');
  }

  static load(env: NodeJS.ProcessEnv = process.env): DashboardFiles {
    return new DashboardFiles(
      env.DASHBOARD_DIR ? resolve(env.DASHBOARD_DIR) : builtDirectory('dashboard', 'index.html'),
    );
  }

  get built(): boolean {
    return this.files.has(this.entry);
  }

  index(): DashboardFile | undefined {
    return this.files.get(this.entry);
  }

  /** Only names that were in the build: a request path never reaches the file system. */
  file(path: string): DashboardFile | undefined {
    return path === this.entry ? undefined : this.files.get(path);
  }

  private readTree(directory: string, prefix: string): void {
    for (const name of readdirSync(directory)) {
      const full = join(directory, name);
      const relative = prefix + name;
      if (statSync(full).isDirectory()) this.readTree(full, `${relative}/`);
      else if (TYPES[extname(name)])
        this.files.set(relative, {
          body: readFileSync(full),
          type: TYPES[extname(name)]!,
          immutable: relative.startsWith('assets/'),
        });
    }
  }
}
