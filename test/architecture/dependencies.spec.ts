import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourcesUnder } from './import-graph';

const ROOT = join(__dirname, '..', '..');
const manifest = (path: string) =>
  JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };

/** `@nestjs/common/decorators` -> `@nestjs/common`; relative and `#` imports are the project's own. */
function packageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('#') || spec.startsWith('node:')) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

// A declared dependency nothing uses is installed, audited and upgraded for nothing (issue #15).
describe('declared dependencies', () => {
  it('are each imported by the production code, or required as a peer by one that is', () => {
    const declared = Object.keys(manifest('package.json').dependencies ?? {});
    const imported = new Set(
      ['apps', 'libs', 'projections']
        .flatMap((folder) => sourcesUnder(folder))
        .flatMap((file) => file.imports.map(packageOf)),
    );
    const used = new Set(declared.filter((name) => imported.has(name)));
    for (const name of [...used]) {
      for (const peer of Object.keys(manifest(`node_modules/${name}/package.json`).peerDependencies ?? {}))
        used.add(peer);
    }
    expect(declared.filter((name) => !used.has(name))).toEqual([]);
  });
});
