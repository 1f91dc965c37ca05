import { EntityManager } from 'typeorm';
import { DomainError } from '@jcm/contracts';
import { Column, ValueOf } from './columns';

/** A record of columns: the typed row schema of one table (or of one query's result). */
export type Columns = Record<string, Column<unknown, boolean>>;

/** A row as the service sees it, after decoding (yen as numbers, dates as 'YYYY-MM-DD', timestamps as Date). */
export type RowOf<C extends Columns> = { [K in keyof C]: ValueOf<C[K]> };

type DefaultedKeys<C extends Columns> = {
  [K in keyof C]: C[K] extends Column<unknown, true> ? K : never;
}[keyof C];
type RequiredKeys<C extends Columns> = Exclude<keyof C, DefaultedKeys<C>>;

/** `NOW` in a write puts the database's `now()` into a timestamp column (one clock for the whole transaction). */
export const NOW: unique symbol = Symbol('now()');
type Writable<C extends Columns, K extends keyof C> =
  ValueOf<C[K]> | (Date extends ValueOf<C[K]> ? typeof NOW : never);

/** An INSERT must name every column the database does not default, nullable ones included (an explicit null). */
export type InsertOf<C extends Columns> = { [K in RequiredKeys<C>]: Writable<C, K> } & {
  [K in DefaultedKeys<C>]?: Writable<C, K>;
};

/** A partial UPDATE (a state transition): only the named columns change. */
export type PatchOf<C extends Columns> = { [K in keyof C]?: Writable<C, K> };

/** A full write of every column except `Excluded`: a new column is part of it until it is excluded by name. */
export type FullWriteOf<C extends Columns, Excluded extends keyof C> = {
  [K in Exclude<keyof C, Excluded>]: Writable<C, K>;
};

/** A column as selected under an alias, for building a query's row schema from several tables. */
export interface Field<T = unknown> {
  readonly expr: string;
  readonly column: Column<T, boolean>;
}
export type Fields = Record<string, Field>;
export type FieldRow<F extends Fields> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

export interface TableOptions<C extends Columns> {
  /** Primary key column (default `id`). */
  key?: keyof C & string;
  /** Set to `now()` by every UPDATE (e.g. `updated_at`). */
  touch?: keyof C & string;
}

export interface Table<C extends Columns> {
  readonly name: string;
  readonly columns: C;
  /** `alias.col AS "col", …` for every column (dates through to_char): for a query decoded with `queryRows`. */
  selectList(alias?: string): string;
  /** Every column (or the picked ones) of this table under `alias`, to spread into a source's fields. */
  fields(alias: string): { [K in keyof C]: Field<ValueOf<C[K]>> };
  fields<K extends keyof C & string>(alias: string, pick: readonly K[]): { [P in K]: Field<ValueOf<C[P]>> };
  /** One column under `alias`, to select it under another name (`contract_state: AC.field('c', 'state')`). */
  field<K extends keyof C & string>(alias: string, name: K): Field<ValueOf<C[K]>>;
  insert(m: EntityManager, values: InsertOf<C>): Promise<RowOf<C>>;
  insertMany(m: EntityManager, rows: readonly InsertOf<C>[]): Promise<RowOf<C>[]>;
  /** INSERT, or on a conflict of `conflict` (a unique key) overwrite every other column given. */
  upsert(m: EntityManager, values: InsertOf<C>, conflict: readonly (keyof C & string)[]): Promise<RowOf<C>>;
  /** Changes the named columns of one row; false when no row (visible under RLS) has that key. */
  update(m: EntityManager, key: string, patch: PatchOf<C>): Promise<boolean>;
  /**
   * A writer that must be given every column but `excluded` (name the key and the lifecycle columns there): a new
   * column is written by it until it is excluded by name, so forgetting to write it fails the type check.
   */
  fullWriter<E extends keyof C & string>(
    ...excluded: E[]
  ): (m: EntityManager, key: string, values: FullWriteOf<C, E>) => Promise<boolean>;
}

/**
 * Declares a table once (README "Persistence"): every SELECT list, INSERT, UPDATE and row decoding is derived from
 * this, so the column list, the row type and the mapper cannot drift apart. Statements are fully parameterised.
 */
export function defineTable<C extends Columns>(
  name: string,
  columns: C,
  opts: TableOptions<C> = {},
): Table<C> {
  const key = opts.key ?? 'id';
  if (!(key in columns)) throw new Error(`${name}: key column ${key} is not declared`);
  const selectList = (alias?: string) =>
    Object.keys(columns)
      .map((c) => `${columns[c].select(alias ? `${alias}.${c}` : c)} AS "${c}"`)
      .join(', ');
  const selectAll = selectList();
  const decodeRow = (raw: Record<string, unknown>) => decodeColumns(columns, raw);

  const fields = (alias: string, pick?: readonly string[]) =>
    Object.fromEntries(
      (pick ?? Object.keys(columns)).map((c) => [c, { expr: `${alias}.${c}`, column: columns[c] }]),
    );

  const insertMany = async (
    m: EntityManager,
    rows: readonly InsertOf<C>[],
    onConflict?: readonly string[],
  ): Promise<RowOf<C>[]> => {
    if (rows.length === 0) return [];
    const names = Object.keys(rows[0] as object).filter(
      (c) => (rows[0] as Record<string, unknown>)[c] !== undefined,
    );
    for (const c of names)
      if (!(c in columns)) throw new DomainError('INTERNAL', `${name}: unknown column ${c}`);
    for (const c of Object.keys(columns)) {
      if (!columns[c].hasDefault && !names.includes(c))
        throw new DomainError('INTERNAL', `${name}: INSERT without ${c}`);
    }
    const params: unknown[] = [];
    const tuples = rows.map((row) => {
      const r = row as Record<string, unknown>;
      if (Object.keys(r).filter((c) => r[c] !== undefined).length !== names.length) {
        throw new DomainError('INTERNAL', `${name}: every row of one INSERT names the same columns`);
      }
      return `(${names.map((c) => placeholder(params, columns[c], r[c])).join(', ')})`;
    });
    const upsert = onConflict
      ? ` ON CONFLICT (${onConflict.join(', ')}) DO UPDATE SET ${names
          .filter((c) => !onConflict.includes(c))
          .map((c) => `${c} = EXCLUDED.${c}`)
          .join(', ')}`
      : '';
    const result: Record<string, unknown>[] = await m.query(
      `INSERT INTO ${name} (${names.join(', ')}) VALUES ${tuples.join(', ')}${upsert} RETURNING ${selectAll}`,
      params,
    );
    return result.map(decodeRow);
  };

  const update = async (m: EntityManager, id: string, patch: Record<string, unknown>): Promise<boolean> => {
    const params: unknown[] = [id];
    const sets = Object.keys(patch)
      .filter((c) => patch[c] !== undefined)
      .map((c) => {
        if (!(c in columns)) throw new DomainError('INTERNAL', `${name}: unknown column ${c}`);
        return `${c} = ${placeholder(params, columns[c], patch[c])}`;
      });
    if (opts.touch && patch[opts.touch] === undefined) sets.push(`${opts.touch} = now()`);
    if (sets.length === 0) throw new DomainError('INTERNAL', `${name}: UPDATE without columns`);
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [rows]: [unknown[], number] = await m.query(
      `UPDATE ${name} SET ${sets.join(', ')} WHERE ${key} = $1 RETURNING ${key}`,
      params,
    );
    return rows.length > 0;
  };

  return {
    name,
    columns,
    selectList,
    fields: fields as Table<C>['fields'],
    field: (alias, c) => ({ expr: `${alias}.${c}`, column: columns[c] }) as Field<ValueOf<C[typeof c]>>,
    insert: async (m, values) => (await insertMany(m, [values]))[0],
    insertMany: (m, rows) => insertMany(m, rows),
    upsert: async (m, values, conflict) => (await insertMany(m, [values], conflict))[0],
    update: (m, id, patch) => update(m, id, patch as Record<string, unknown>),
    fullWriter: (...excluded) => {
      const written = Object.keys(columns).filter((c) => !(excluded as string[]).includes(c));
      return async (m, id, values) => {
        const v = values as Record<string, unknown>;
        const missing = written.filter((c) => v[c] === undefined);
        if (missing.length)
          throw new DomainError('INTERNAL', `${name}: full write without ${missing.join(', ')}`);
        return update(m, id, v);
      };
    },
  };
}

/** Decodes one raw result row by its columns. */
export function decodeColumns<C extends Columns>(columns: C, raw: Record<string, unknown>): RowOf<C> {
  const out: Record<string, unknown> = {};
  for (const c of Object.keys(columns)) out[c] = columns[c].decode(raw[c]);
  return out as RowOf<C>;
}

function placeholder(params: unknown[], column: Column<unknown, boolean>, value: unknown): string {
  if (value === NOW) return 'now()';
  params.push(value === null ? null : column.encode(value));
  return `$${params.length}::${column.pgType}`;
}
