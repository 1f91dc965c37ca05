import { createHash } from 'crypto';

/** Hash before the first journal entry. */
export const GENESIS_HASH = '0'.repeat(64);

export type CanonicalValue =
  string | number | boolean | null | CanonicalValue[] | { [key: string]: CanonicalValue };

/**
 * Canonical JSON of a journal entry's content: object keys sorted by code unit, no whitespace, arrays in order,
 * strings JSON-escaped. Only safe integers are allowed as numbers (quantities travel as strings), so the same
 * content always yields the same bytes, in any process and after a round-trip through PostgreSQL jsonb.
 */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`Only safe integers may be hashed, got ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

/** sha256(previous hash ‖ "\n" ‖ canonical content), hex: each entry seals everything before it. */
export function chainHash(prevHash: string, content: CanonicalValue): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(content)}`)
    .digest('hex');
}

/** Fingerprint of a command, to tell a genuine retry from a reused idempotency key. */
export function requestFingerprint(operation: string, data: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ operation, data: JSON.parse(JSON.stringify(data ?? null)) as CanonicalValue }))
    .digest('hex');
}
