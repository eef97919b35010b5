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

/** Built next to the compiled api (dist/dashboard) or, from the sources, under the repository's dist. */
function defaultDirectory(): string | undefined {
  const candidates = [resolve(__dirname, '../../../../dashboard'), resolve(__dirname, '../../../../dist/dashboard')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** The dashboard build (`vite build`), read once at start; DASHBOARD_DIR points elsewhere. */
export class DashboardFiles {
  private readonly files = new Map<string, DashboardFile>();

  constructor(readonly directory: string | undefined) {
    if (directory && existsSync(join(directory, 'index.html'))) this.readTree(directory, '');
  }

  static load(env: NodeJS.ProcessEnv = process.env): DashboardFiles {
    return new DashboardFiles(env.DASHBOARD_DIR ? resolve(env.DASHBOARD_DIR) : defaultDirectory());
  }

  get built(): boolean {
    return this.files.has('index.html');
  }

  index(): DashboardFile | undefined {
    return this.files.get('index.html');
  }

  /** Only names that were in the build: a request path never reaches the file system. */
  file(path: string): DashboardFile | undefined {
    return path === 'index.html' ? undefined : this.files.get(path);
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
