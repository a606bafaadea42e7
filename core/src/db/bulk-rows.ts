import type { Knex } from 'knex';

/** A column of a bulk write: its name and the Postgres type its values are cast to. */
export interface BulkColumn<Row> {
  name: string;
  type: 'text' | 'integer' | 'date' | 'timestamptz' | 'boolean' | 'jsonb' | 'text[]';
  value: (row: Row) => unknown;
}

// Postgres takes one array per column; 10,000 rows per statement keep each message a few megabytes.
const CHUNK = 10_000;

// Arrays of arrays (text[][]) are not rectangular in general: those columns travel as JSON and are rebuilt.
function columnArray<Row>(column: BulkColumn<Row>, rows: readonly Row[]): unknown {
  const values = rows.map(column.value);
  return column.type === 'text[]' || column.type === 'jsonb' ? values.map((v) => (v === null || v === undefined ? null : JSON.stringify(v))) : values;
}

function unnestSelect<Row>(columns: readonly BulkColumn<Row>[]): string {
  const params = columns.map((c) => (c.type === 'text[]' || c.type === 'jsonb' ? '?::text[]' : c.type === 'timestamptz' || c.type === 'date' ? '?::text[]' : `?::${c.type}[]`));
  const casts = columns.map((c, i) => {
    const v = `v.c${i}`;
    if (c.type === 'text[]') return `(select coalesce(array_agg(e), '{}') from json_array_elements_text(${v}::json) e)`;
    if (c.type === 'jsonb') return `${v}::jsonb`;
    if (c.type === 'date' || c.type === 'timestamptz') return `${v}::${c.type}`;
    return v;
  });
  return `select ${casts.join(', ')} from unnest(${params.join(', ')}) as v(${columns.map((_, i) => `c${i}`).join(', ')})`;
}

function toParam(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Inserts rows with one statement per 10,000 (`insert … select from unnest(arrays)`): an academy import writes
 * hundreds of thousands of rows, and one round trip per row would take minutes. Returns the `returning` rows.
 */
export async function bulkInsert<Row, Returned = Record<string, unknown>>(
  db: Knex | Knex.Transaction,
  table: string,
  columns: readonly BulkColumn<Row>[],
  rows: readonly Row[],
  options: { returning?: readonly string[]; onConflict?: string } = {},
): Promise<Returned[]> {
  const out: Returned[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const sql =
      `insert into ${table} (${columns.map((c) => c.name).join(', ')}) ${unnestSelect(columns)}` +
      (options.onConflict ? ` ${options.onConflict}` : '') +
      (options.returning?.length ? ` returning ${options.returning.join(', ')}` : '');
    const result = await db.raw<{ rows: Returned[] }>(sql, columns.map((c) => (columnArray(c, chunk) as unknown[]).map(toParam)) as unknown as Knex.RawBinding[]);
    out.push(...(result.rows ?? []));
  }
  return out;
}

/** Updates rows by id from arrays, one statement per 10,000: `update table t set col = v.col from unnest(…) v where t.id = v.id`. */
export async function bulkUpdate<Row>(
  db: Knex | Knex.Transaction,
  table: string,
  key: BulkColumn<Row>,
  columns: readonly BulkColumn<Row>[],
  rows: readonly Row[],
  extraSet = '',
): Promise<void> {
  const all = [key, ...columns];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const sets = columns.map((c, index) => `${c.name} = u.c${index + 1}`);
    if (extraSet) sets.push(extraSet);
    const sql = `update ${table} t set ${sets.join(', ')} from (${unnestSelect(all).replace(/^select /, `select `)}) as u(${all.map((_, index) => `c${index}`).join(', ')}) where t.${key.name} = u.c0`;
    await db.raw(sql, all.map((c) => (columnArray(c, chunk) as unknown[]).map(toParam)) as unknown as Knex.RawBinding[]);
  }
}
