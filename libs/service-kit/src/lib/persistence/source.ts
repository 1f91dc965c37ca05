import { EntityManager } from 'typeorm';
import { DomainError, seesAllRecords } from '@jcm/contracts';
import { notFound } from '../feature/errors';
import { Columns, decodeColumns, Field, FieldRow, Fields, RowOf } from './table';
import { TenantScope } from './tenant-transaction';

/**
 * A WHERE clause and its parameters, built without counting `$n` by hand. Conditions are ANDed; `undefined`
 * filter values are skipped, so optional query fields map one to one onto `eq` calls.
 */
export class Where {
  private readonly conditions: string[] = [];

  constructor(readonly params: unknown[] = []) {}

  /** Adds a parameter and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  eq(expr: string, value: unknown): this {
    if (value !== undefined) this.conditions.push(`${expr} = ${this.param(value)}`);
    return this;
  }

  /** A condition written with placeholders from `p`: `w.and((p) => \`r.due_date < ${p(today)}::date\`)`. */
  and(condition: string | ((p: (value: unknown) => string) => string)): this {
    this.conditions.push(typeof condition === 'string' ? condition : condition((v) => this.param(v)));
    return this;
  }

  /**
   * Tenancy in the query as well as by RLS (DESIGN §5: enforced twice): a caller sees rows its organisation takes
   * part in (`alias.participant_org_ids`); MOE, the secretariat and the service itself see all.
   */
  tenant(scope: TenantScope, alias: string): this {
    if (scope === 'system' || seesAllRecords(scope)) return this;
    return this.and((p) => `${p(scope.orgId)}::uuid = ANY(${alias}.participant_org_ids)`);
  }

  toSql(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** What a list asks for: `sort` is a whitelisted key, optionally prefixed with `-` for descending. */
export interface PageRequest {
  sort: string;
  limit: number;
  offset: number;
}

export interface SourceSpec<F extends Fields> {
  /** FROM clause without the word FROM: `partnership.monthly_report r JOIN partnership.annual_contract c ON …`. */
  from: string;
  /** Alias of the aggregate's own table: the tenant filter, the key and FOR UPDATE apply to it. */
  alias: string;
  key?: string;
  /** What a 404 calls the record: 'Monthly report'. */
  label: string;
  /**
   * `participants` (default): the query filters on `alias.participant_org_ids` as well as RLS. `policy`: the table
   * has its own RLS policy (e.g. calls visible once published) and no participant list; the policy alone decides.
   */
  tenancy?: 'participants' | 'policy';
  /** What `{ lock: true }` locks (default: `alias`); e.g. `s, c` to lock a report and its contract together. */
  lockOf?: string;
  fields: F;
}

export interface Source<F extends Fields> {
  readonly spec: SourceSpec<F>;
  /** The SELECT list (`expr AS "name"`, …). */
  readonly selectList: string;
  decode(raw: Record<string, unknown>): FieldRow<F>;
  /** The caller's record by key, locked `FOR UPDATE` when asked; another tenant's record is NOT_FOUND. */
  find(m: EntityManager, scope: TenantScope, id: string, opts?: { lock?: boolean }): Promise<FieldRow<F>>;
  first(
    m: EntityManager,
    scope: TenantScope,
    where: (w: Where) => void,
    opts?: { lock?: boolean },
  ): Promise<FieldRow<F> | undefined>;
  all(
    m: EntityManager,
    scope: TenantScope,
    where?: (w: Where) => void,
    orderBy?: string,
  ): Promise<FieldRow<F>[]>;
  /** Server-side paging with the total, a whitelisted sort and a stable tie-break on the key. */
  page(
    m: EntityManager,
    scope: TenantScope,
    q: PageRequest,
    sortColumns: Record<string, string>,
    where?: (w: Where) => void,
  ): Promise<{ rows: FieldRow<F>[]; total: number }>;
}

/**
 * The rows an aggregate is read as (its table, joined to what its views and checks need), declared once from the
 * tables' row schemas: every read of the aggregate shares the SELECT list, the decoding and the tenant filter.
 */
export function defineSource<F extends Fields>(spec: SourceSpec<F>): Source<F> {
  const key = `${spec.alias}.${spec.key ?? 'id'}`;
  const selectList = Object.entries(spec.fields)
    .map(([name, f]) => `${f.column.select(f.expr)} AS "${name}"`)
    .join(', ');
  const decode = (raw: Record<string, unknown>): FieldRow<F> => {
    const out: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(spec.fields)) out[name] = f.column.decode(raw[name]);
    return out as FieldRow<F>;
  };
  const select = async (m: EntityManager, w: Where, tail: string) => {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT ${selectList} FROM ${spec.from} ${w.toSql()} ${tail}`,
      w.params,
    );
    return rows.map(decode);
  };
  const scoped = (scope: TenantScope) =>
    spec.tenancy === 'policy' ? new Where() : new Where().tenant(scope, spec.alias);
  const lockClause = (lock?: boolean) => (lock ? `FOR UPDATE OF ${spec.lockOf ?? spec.alias}` : '');

  const first: Source<F>['first'] = async (m, scope, where, opts) => {
    const w = scoped(scope);
    where(w);
    const [row] = await select(m, w, `LIMIT 1 ${lockClause(opts?.lock)}`);
    return row;
  };

  return {
    spec,
    selectList,
    decode,
    first,
    find: async (m, scope, id, opts) => {
      const row = await first(m, scope, (w) => w.eq(key, id), opts);
      if (!row) throw notFound(spec.label, id);
      return row;
    },
    all: async (m, scope, where, orderBy) => {
      const w = scoped(scope);
      where?.(w);
      return select(m, w, `ORDER BY ${orderBy ?? key}`);
    },
    page: async (m, scope, q, sortColumns, where) => {
      const w = scoped(scope);
      where?.(w);
      const order = orderFor(q.sort, sortColumns);
      const total = await countRows(m, `FROM ${spec.from} ${w.toSql()}`, [...w.params]);
      const rows = await select(
        m,
        w,
        `ORDER BY ${order} NULLS LAST, ${key} ASC LIMIT ${w.param(q.limit)} OFFSET ${w.param(q.offset)}`,
      );
      return { rows, total };
    },
  };
}

/** `-titleJa` → `p.title_ja DESC`, only for whitelisted keys: a sort never reaches SQL as text from the caller. */
export function orderFor(sort: string, sortColumns: Record<string, string>): string {
  const desc = sort.startsWith('-');
  const column = Object.prototype.hasOwnProperty.call(sortColumns, sort.replace(/^-/, ''))
    ? sortColumns[sort.replace(/^-/, '')]
    : undefined;
  if (!column)
    throw new DomainError('VALIDATION_FAILED', `Unknown sort ${sort}`, [
      { path: 'sort', message: 'Unknown sort' },
    ]);
  return `${column} ${desc ? 'DESC' : 'ASC'}`;
}

async function countRows(m: EntityManager, from: string, params: unknown[]): Promise<number> {
  const [{ total }]: { total: number }[] = await m.query(`SELECT count(*)::int AS total ${from}`, params);
  return total;
}

/** A typed ad-hoc query: the SQL names its result columns as `shape` does, and each row is decoded by it. */
export async function queryRows<C extends Columns>(
  m: EntityManager,
  shape: C,
  sql: string,
  params: unknown[] = [],
): Promise<RowOf<C>[]> {
  const rows: Record<string, unknown>[] = await m.query(sql, params);
  return rows.map((r) => decodeColumns(shape, r));
}

/** A computed field of a source: `has_translation: computed('EXISTS (…)', bool())`. */
export function computed<T>(expr: string, column: Field<T>['column']): Field<T> {
  return { expr, column };
}
