import { sourcesUnder, type SourceFile } from './import-graph';

/** Dependencies point inward (ARCHITECTURE.md, "Layout"); the domain stays pure (STYLE.md, 1 and 8). */
function violations(files: SourceFile[], forbidden: RegExp): string[] {
  return files.flatMap((file) => file.imports.filter((spec) => forbidden.test(spec)).map((spec) => `${file.path} imports ${spec}`));
}

describe('architecture boundaries', () => {
  const domain = sourcesUnder('libs/domain/src');

  it('keeps libs/domain free of frameworks, drivers, I/O, tracing and other project libraries', () => {
    expect(domain.length).toBeGreaterThan(10);
    // Spans wrap decide from the outside (the command executor); a decider never knows it is traced.
    const forbidden = /^(@nestjs\/|@opentelemetry\/|mongodb|@kurrent\/|better-sqlite3|class-validator|class-transformer|rxjs|node:|fs$|crypto$|path$|#)/;
    expect(violations(domain, forbidden)).toEqual([]);
  });

  it('keeps clocks and randomness out of libs/domain: time and ids arrive on commands', () => {
    const impure = /\bDate\.now\(|new Date\(\s*\)|Math\.random\(|randomUUID\(/;
    expect(domain.filter((file) => impure.test(file.source)).map((file) => file.path)).toEqual([]);
  });

  // libs/testing is exempt: it boots the apps for e2e tests.
  it('never lets a library depend on an app', () => {
    const libs = [...sourcesUnder('libs'), ...sourcesUnder('projections')].filter((file) => !file.path.startsWith('libs/testing/'));
    expect(violations(libs, /(^|\/)apps\//)).toEqual([]);
  });

  it('keeps projections pure: no framework, no driver, no crypto', () => {
    const projections = sourcesUnder('projections');
    expect(violations(projections, /^(@nestjs\/|mongodb|@kurrent\/|better-sqlite3|node:|#crypto|#application)/)).toEqual([]);
  });
});
