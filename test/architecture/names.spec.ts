import { sourcesUnder, type SourceFile } from './import-graph';

/**
 * A name that two places must agree on is defined once and imported (STYLE.md, 11; issue #15):
 * stream names live in libs/domain/src/streams.ts, event types in the domain's event definitions.
 */
const STREAM_NAMES = 'libs/domain/src/streams.ts';
const production = ['apps', 'libs', 'projections'].flatMap((folder) => sourcesUnder(folder));

// Comments may name a stream for the reader; only code must import it.
const COMMENT = /^\s*(\/\/|\/\*|\*)/;

function spelling(files: SourceFile[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    file.source
      .split('\n')
      .flatMap((line, i) =>
        pattern.test(line) && !COMMENT.test(line) ? [`${file.path}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

describe('names defined once', () => {
  it('spells stream names and prefixes only in libs/domain/src/streams.ts', () => {
    const others = production.filter((file) => file.path !== STREAM_NAMES);
    expect(others.length).toBeGreaterThan(100);
    expect(spelling(others, /['"`](subject|topic)-['"`]|`(subject|topic)-\$\{|['"`]audit-anchors['"`]/)).toEqual([]);
  });

  it('names event types in store filters by the domain constants, never as string literals', () => {
    expect(spelling(production, /eventTypes:\s*\[\s*['"`]/)).toEqual([]);
  });
});
