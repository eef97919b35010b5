import type { IndexTable } from './index-table';
import { valueColumns } from './index-table';
import { q, type StatementCache } from './sql';

const INDEXABLE = `('text', 'integer', 'real', 'true', 'false')`;

/** What indexValues.sqlValue binds: booleans as one-byte BLOBs, numbers as REAL, strings as text. */
function sqlValueOf(node: string): string {
  return `CASE ${node}.type WHEN 'true' THEN x'01' WHEN 'false' THEN x'00' WHEN 'integer' THEN CAST(${node}.atom AS REAL) ELSE ${node}.atom END`;
}

/**
 * The nodes reached by one dotted field path, as index-values.valuesAt walks it: arrays on the way
 * are entered element by element (nested arrays too), objects only through the next path segment.
 * A json_tree row was reached through arrays alone when its key below the segment has no `.`.
 */
function walk(field: string, f: number, root: string): { from: string[]; where: string[]; leaf: string } {
  const from: string[] = [];
  const where: string[] = [];
  const parts = field.split('.');
  let parent = root;
  parts.forEach((segment, s) => {
    const node = `t${f}_${s}`;
    const prefix = `$.${segment}`;
    from.push(`json_tree(${parent}, '${prefix}') AS ${node}`);
    where.push(`instr(substr(${node}.fullkey, ${prefix.length + 1}), '.') = 0`);
    where.push(s === parts.length - 1 ? `${node}.type IN ${INDEXABLE}` : `${node}.type = 'object'`);
    parent = `${node}.value`;
  });
  return { from, where, leaf: `t${f}_${parts.length - 1}` };
}

/**
 * One statement that fills a side table from the stored documents: every distinct key of every
 * document, inserted in the table's own order, so SQLite appends to its B-tree instead of
 * splitting pages at random (a rebuild's staged collections get their indexes this way at the swap).
 * Field names are checked by checkField, so they need no quoting inside the JSON paths.
 */
export function buildIndexSql(ix: IndexTable): string {
  const walks = ix.fields.map((field, f) => walk(field, f, 'd.doc'));
  const cols = valueColumns(ix);
  const values = walks.map((w, f) => `${sqlValueOf(w.leaf)} AS ${cols[f]}`);
  return `INSERT INTO ${q(ix.table)} (${cols.join(', ')}, id)
    SELECT DISTINCT ${values.join(', ')}, d.id FROM ${q(ix.collection)} AS d, ${walks.flatMap((w) => w.from).join(', ')}
    WHERE ${walks.flatMap((w) => w.where).join(' AND ')}
    ORDER BY ${[...cols, 'd.id'].join(', ')}`;
}

/** Indexes the documents stored before the index existed (call inside the declaring transaction). */
export function buildIndex(sql: StatementCache, ix: IndexTable): void {
  sql.get(buildIndexSql(ix)).run();
}
