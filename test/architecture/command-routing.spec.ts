import { parseSync } from '@swc/core';
import { sourcesUnder, type SourceFile } from './import-graph';

/** `x as T` and `<T>x`; `as const` and `satisfies` check rather than silence the compiler, so they pass. */
const ASSERTIONS = new Set(['TsAsExpression', 'TsTypeAssertion']);

function assertionsIn(node: unknown, found: Array<{ start: number; end: number }>): void {
  if (Array.isArray(node)) {
    for (const child of node) assertionsIn(child, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const { type, span } = node as { type?: string; span?: { start: number; end: number } };
  if (type && ASSERTIONS.has(type) && span) found.push(span);
  for (const child of Object.values(node)) assertionsIn(child, found);
}

/** Each type assertion of a file as `path: source text`, read from swc's syntax tree. */
function casts(file: SourceFile): string[] {
  const module = parseSync(file.source, { syntax: 'typescript', decorators: true });
  const found: Array<{ start: number; end: number }> = [];
  assertionsIn(module.body, found);
  // swc's spans count on across parses; the module's own span says where this file starts.
  const base = module.span.start;
  const bytes = Buffer.from(file.source, 'utf8');
  return found.map(({ start, end }) => `${file.path}: ${bytes.subarray(start - base, end - base).toString('utf8')}`);
}

/**
 * STYLE.md 10: a reader follows a command by its name from the route to its handler and decider,
 * with go-to-definition; no generic "execute anything" command, no casts at the seam.
 */
describe('command routing', () => {
  const controllers = sourcesUnder('apps/api/src').filter((file) => file.path.endsWith('.controller.ts'));
  const handlers = sourcesUnder('libs/application/src').filter((file) =>
    /(\.commands|-command-runner|-command-of)\.ts$/.test(file.path),
  );

  it('sends typed commands from controllers, without a cast', () => {
    expect(controllers.length).toBeGreaterThan(10);
    expect(controllers.flatMap(casts)).toEqual([]);
  });

  it('lets the compiler infer what a command answers, rather than the caller stating it', () => {
    const stated = controllers.filter((file) => /\bcommands\.execute</.test(file.source)).map((file) => file.path);
    expect(stated).toEqual([]);
  });

  it('hands each command from its handler to the decider without a cast', () => {
    expect(handlers.length).toBeGreaterThan(8);
    expect(handlers.flatMap(casts)).toEqual([]);
  });
});
