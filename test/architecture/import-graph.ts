import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from '@swc/core';

export interface SourceFile {
  path: string;
  imports: string[];
  source: string;
}

const ROOT = join(__dirname, '..', '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : walk(full);
    return full.endsWith('.ts') && !full.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every import and require specifier of a file, read from swc's syntax tree rather than by regex. */
function importsOf(source: string, path: string): string[] {
  const ast = parseSync(source, { syntax: 'typescript', decorators: true });
  const found: string[] = [];
  for (const item of ast.body) {
    if (
      (item.type === 'ImportDeclaration' ||
        item.type === 'ExportAllDeclaration' ||
        item.type === 'ExportNamedDeclaration') &&
      item.source
    ) {
      found.push(item.source.value);
    }
  }
  for (const match of source.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]);
  if (found.some((spec) => spec === undefined)) throw new Error(`cannot read imports of ${path}`);
  return found;
}

/** Production sources (no tests) under a folder, relative to the repository root. */
export function sourcesUnder(folder: string): SourceFile[] {
  return walk(join(ROOT, folder))
    .filter((file) => !/\.(spec|test)\.ts$/.test(file) && !file.endsWith('.fixtures.ts'))
    .map((file) => {
      const source = readFileSync(file, 'utf8');
      return { path: relative(ROOT, file), imports: importsOf(source, file), source };
    });
}
