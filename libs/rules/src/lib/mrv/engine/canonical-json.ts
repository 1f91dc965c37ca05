/** JSON values that have exactly one canonical text: no floats (decimals travel as strings), no undefined. */
export type CanonicalValue =
  | string
  | boolean
  | null
  | number
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

/**
 * Canonical JSON (正規化JSON) of a trace or methodology: object keys sorted by UTF-16 code unit, no whitespace,
 * `undefined` members dropped, only safe integers as numbers. The same value always gives the same string, so a
 * service can hash it (SHA-256, outside this library) and compare a re-run byte for byte.
 */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    // Decimals must be strings: a float's text is not stable across producers.
    if (!Number.isSafeInteger(value))
      throw new RangeError(`canonical JSON allows only safe integers, got ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((v: CanonicalValue) => canonicalJson(v)).join(',')}]`;
  const obj = value as { readonly [key: string]: CanonicalValue | undefined };
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k] as CanonicalValue)}`).join(',')}}`;
}
