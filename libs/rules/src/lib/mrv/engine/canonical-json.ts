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
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

/** Printable ASCII without " and \\: JSON.stringify would emit it unchanged. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function write(value: CanonicalValue, out: string[]): void {
  if (typeof value === 'string') {
    // Most strings (decimals, dates, ids) need no escaping; JSON.stringify only for the rest. Same bytes either way.
    out.push(PLAIN.test(value) ? `"${value}"` : JSON.stringify(value));
  } else if (value === null || typeof value === 'boolean') {
    out.push(String(value));
  } else if (typeof value === 'number') {
    // Decimals must be strings: a float's text is not stable across producers.
    if (!Number.isSafeInteger(value))
      throw new RangeError(`canonical JSON allows only safe integers, got ${value}`);
    out.push(String(value));
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((v: CanonicalValue, i: number) => {
      if (i > 0) out.push(',');
      write(v, out);
    });
    out.push(']');
  } else {
    const obj = value as { readonly [key: string]: CanonicalValue | undefined };
    // Array.prototype.sort without a comparator orders by UTF-16 code units, the canonical key order.
    const keys = Object.keys(obj).sort();
    out.push('{');
    let first = true;
    for (const k of keys) {
      const v = obj[k];
      if (v === undefined) continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(k), ':');
      write(v, out);
    }
    out.push('}');
  }
}
