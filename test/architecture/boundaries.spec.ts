import { posix } from 'node:path';
import { sourcesUnder, type SourceFile } from './import-graph';

/** Dependencies point inward (ARCHITECTURE.md, "Layout"); the domain stays pure (STYLE.md, 1 and 8). */
function violations(files: SourceFile[], forbidden: RegExp): string[] {
  return files.flatMap((file) =>
    file.imports.filter((spec) => forbidden.test(spec)).map((spec) => `${file.path} imports ${spec}`),
  );
}

describe('architecture boundaries', () => {
  const domain = sourcesUnder('libs/domain/src');

  it('keeps libs/domain free of frameworks, drivers, I/O, tracing and other project libraries', () => {
    expect(domain.length).toBeGreaterThan(10);
    // Spans wrap decide from the outside (the command executor); a decider never knows it is traced.
    const forbidden =
      /^(@nestjs\/|@opentelemetry\/|mongodb|@kurrent\/|better-sqlite3|class-validator|class-transformer|rxjs|node:|fs$|crypto$|path$|#)/;
    expect(violations(domain, forbidden)).toEqual([]);
  });

  it('keeps clocks and randomness out of libs/domain: time and ids arrive on commands', () => {
    const impure = /\bDate\.now\(|new Date\(\s*\)|Math\.random\(|randomUUID\(/;
    expect(domain.filter((file) => impure.test(file.source)).map((file) => file.path)).toEqual([]);
  });

  // libs/testing is exempt: it boots the apps for e2e tests.
  it('never lets a library depend on an app', () => {
    const libs = [...sourcesUnder('libs'), ...sourcesUnder('projections')].filter(
      (file) => !file.path.startsWith('libs/testing/'),
    );
    expect(violations(libs, /(^|\/)apps\//)).toEqual([]);
  });

  it('keeps projections pure: no framework, no driver, no crypto', () => {
    const projections = sourcesUnder('projections');
    expect(
      violations(projections, /^(@nestjs\/|mongodb|@kurrent\/|better-sqlite3|node:|#crypto|#application)/),
    ).toEqual([]);
  });

  it('keeps the store adapters and libs/sqlite off the use cases; libs/sqlite off the project', () => {
    const adapters = ['libs/event-store/src', 'libs/read-store/src', 'libs/crypto/src', 'libs/sqlite/src'].flatMap(
      (dir) => sourcesUnder(dir),
    );
    expect(violations(adapters, /^#application$/)).toEqual([]);
    expect(violations(sourcesUnder('libs/sqlite/src'), /^#/)).toEqual([]);
  });
});

/** Use cases, the runtime machinery around them, and the adapters below (README, "Layout"). */
describe('package boundaries (issue #15)', () => {
  const ALIASES = /^#(application|runtime|projection-runtime|journeys|import)$/;
  const imported = (folder: string, forbidden: RegExp) => violations(sourcesUnder(folder), forbidden);

  it('keeps use cases (libs/application) from importing the journey, import and projection-runtime packages', () => {
    expect(imported('libs/application/src', /^#(journeys|import|projection-runtime)$/)).toEqual([]);
  });

  it('keeps adapters (event store, read store, key vaults) and the proof library from importing use cases or runtime', () => {
    for (const folder of ['libs/event-store/src', 'libs/read-store/src', 'libs/crypto/src', 'libs/audit/src'])
      expect(imported(folder, ALIASES)).toEqual([]);
  });

  it('keeps store wiring (libs/runtime) below the use cases and the machinery it wires', () => {
    expect(imported('libs/runtime/src', /^#(application|projection-runtime|journeys|import)$/)).toEqual([]);
  });

  it('keeps the projection runtime free of use cases, journeys and import', () => {
    expect(imported('libs/projection-runtime/src', /^#(application|journeys|import)$/)).toEqual([]);
  });

  it('keeps read models (projections/) free of every runtime package', () => {
    expect(imported('projections', ALIASES)).toEqual([]);
  });

  it('lets a library reach another only through its #name, never by a path into its folder', () => {
    const libs = sourcesUnder('libs');
    const escapes = libs.flatMap((file) => {
      const home = file.path.split('/').slice(0, 2).join('/');
      if (home === 'libs/testing') return [];
      return file.imports
        .filter((spec) => spec.startsWith('.') && !posix.join(posix.dirname(file.path), spec).startsWith(`${home}/`))
        .map((spec) => `${file.path} imports ${spec}`);
    });
    expect(escapes).toEqual([]);
  });
});
