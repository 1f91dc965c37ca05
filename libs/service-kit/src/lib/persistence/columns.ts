import { DomainError } from '@jcm/contracts';

/**
 * One column of a typed row schema (see README "Persistence"): how it is selected, how a PostgreSQL value becomes
 * its TypeScript value, and how a TypeScript value becomes a query parameter. `D` records whether the database
 * supplies a default, which decides whether an INSERT must name the column.
 */
export interface Column<T, D extends boolean = boolean> {
  readonly pgType: string;
  readonly hasDefault: D;
  /** The SELECT expression for `ref` (e.g. `r.due_date`), before its `AS`. */
  select(ref: string): string;
  decode(raw: unknown): T;
  encode(value: T): unknown;
  /** The column may be NULL: reads give `T | null`, and an INSERT must still name it (explicit null). */
  nullable(): Column<T | null, D>;
  /** The database fills the column when an INSERT leaves it out (DEFAULT …). */
  default(): Column<T, true>;
}

export type ValueOf<C> = C extends Column<infer T, boolean> ? T : never;

function column<T>(
  pgType: string,
  decode: (raw: unknown) => T,
  encode: (value: T) => unknown = (v) => v,
  select: (ref: string) => string = (ref) => ref,
): Column<T, false> {
  const build = <V, D extends boolean>(
    hasDefault: D,
    dec: (raw: unknown) => V,
    enc: (value: V) => unknown,
  ): Column<V, D> => ({
    pgType,
    hasDefault,
    select,
    decode: dec,
    encode: enc,
    nullable: () =>
      build<V | null, D>(
        hasDefault,
        (raw) => (raw === null || raw === undefined ? null : dec(raw)),
        (v) => (v === null ? null : enc(v)),
      ),
    default: () => build<V, true>(true, dec, enc),
  });
  return build<T, false>(false, decode, encode);
}

const same = <T>(raw: unknown): T => raw as T;

export const uuid = () => column<string>('uuid', same);
/** text, optionally narrowed to a union of states or codes (the database CHECK holds the same list). */
export const text = <T extends string = string>() => column<T>('text', same);
export const int = () => column<number>('int', same);
export const bool = () => column<boolean>('boolean', same);
/** A `date` as 'YYYY-MM-DD', read with to_char so no time zone can shift the day. */
export const date = () =>
  column<string>(
    'date',
    dayOf,
    (v) => v,
    (ref) => `to_char(${ref}, 'YYYY-MM-DD')`,
  );

/** A `date` from an ad-hoc query may arrive parsed by the driver (local midnight): take that local day. */
function dayOf(raw: unknown): string {
  if (!(raw instanceof Date)) return String(raw).slice(0, 10);
  return `${raw.getFullYear()}-${String(raw.getMonth() + 1).padStart(2, '0')}-${String(raw.getDate()).padStart(2, '0')}`;
}
export const timestamptz = () =>
  column<Date>('timestamptz', (raw) => (raw instanceof Date ? raw : new Date(String(raw))));
/** jsonb holding `T` (written by this service, so its shape is the contract's). */
export const jsonb = <T>() => column<T>('jsonb', same, (v) => JSON.stringify(v));
/** Integer yen in a `bigint`: PostgreSQL returns a string, converted only when it is a safe integer. */
export const yen = () =>
  column<number>(
    'bigint',
    (raw) => yenFrom(raw as string | number),
    (v) => String(v),
  );
/** `numeric` tonnes or rates: decimal strings, never floats. */
export const decimal = () => column<string>('numeric', (raw) => String(raw));
/** File content (`bytea`), as a Buffer. */
export const bytea = () => column<Buffer>('bytea', same);
export const uuidArray = () => column<string[]>('uuid[]', same);
export const textArray = <T extends string = string>() => column<T[]>('text[]', same);
export const intArray = () => column<number[]>('int[]', same);

/**
 * PostgreSQL returns bigint as a string: convert to integer yen only when it is a JS safe integer, so money is
 * never silently rounded through a float.
 */
export function yenFrom(value: string | number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n) || String(n) !== String(value)) {
    throw new DomainError('INTERNAL', `Amount ${value} is not a safe integer of yen`);
  }
  return n;
}

/** A timestamp for a view: ISO 8601 in UTC. */
export function isoAt(d: Date): string {
  return d.toISOString();
}

export function iso(d: Date | null): string | null {
  return d === null ? null : d.toISOString();
}
