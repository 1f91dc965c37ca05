import * as z from 'zod';
import { isTextRuleString } from './text';

/**
 * Finds the strings of an input schema that escape the string rule: not built by `text()` / `decimalString()` /
 * `secretString()`, not a bounded format (uuid, e-mail, date-time), not an anchored pattern that is bounded by its
 * repetition or a max length. Used by the specs that make the rule hard to forget (contracts' exported commands,
 * the gateway's route table).
 */
export type Found = { path: string; why: string };

const BOUNDED_FORMATS = new Set([
  'uuid',
  'guid',
  'email',
  'datetime',
  'date',
  'time',
  'duration',
  'cuid',
  'ulid',
]);

/** An anchored pattern; without a max length it must also have no unbounded repetition. */
function regexBounded(s: z.ZodString): boolean {
  const hasMax = s.maxLength !== null;
  const checks = (s._zod.def.checks ?? []) as {
    _zod: { def: { check: string; format?: string; pattern?: RegExp } };
  }[];
  const patterns = checks.map((c) => c._zod.def).filter((d) => d.format === 'regex' && d.pattern);
  if (patterns.length === 0) return false;
  return patterns.every((d) => {
    const src = (d.pattern as RegExp).source.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
    return src.startsWith('^') && src.endsWith('$') && (hasMax || !/[+*]|\{\d+,\}/.test(src));
  });
}

export function unruledStrings(
  schema: z.ZodType,
  path: string,
  out: Found[] = [],
  seen = new Set<unknown>(),
): Found[] {
  if (seen.has(schema)) return out;
  seen.add(schema);
  if (schema instanceof z.ZodString) {
    if (isTextRuleString(schema)) return out;
    if (schema.format && BOUNDED_FORMATS.has(schema.format)) return out;
    if (regexBounded(schema)) return out;
    out.push({ path, why: schema.maxLength === null ? 'no max length' : 'free text not built by text()' });
    return out;
  }
  const def = schema._zod.def as unknown as Record<string, unknown>;
  if (schema instanceof z.ZodObject) {
    for (const [k, v] of Object.entries(schema.shape as Record<string, z.ZodType>))
      unruledStrings(v, `${path}.${k}`, out, seen);
    if (def['catchall'] && !(def['catchall'] instanceof z.ZodNever))
      unruledStrings(def['catchall'] as z.ZodType, `${path}.*`, out, seen);
    return out;
  }
  if (schema instanceof z.ZodArray)
    return unruledStrings(schema.element as z.ZodType, `${path}[]`, out, seen);
  if (schema instanceof z.ZodUnion) {
    (schema.options as z.ZodType[]).forEach((o, i) => unruledStrings(o, `${path}|${i}`, out, seen));
    return out;
  }
  if (schema instanceof z.ZodRecord) {
    unruledStrings(def['keyType'] as z.ZodType, `${path}{key}`, out, seen);
    return unruledStrings(def['valueType'] as z.ZodType, `${path}{}`, out, seen);
  }
  if (schema instanceof z.ZodPipe) {
    unruledStrings(def['in'] as z.ZodType, path, out, seen);
    return out;
  }
  if (schema instanceof z.ZodIntersection) {
    unruledStrings(def['left'] as z.ZodType, path, out, seen);
    return unruledStrings(def['right'] as z.ZodType, path, out, seen);
  }
  if (schema instanceof z.ZodTuple) {
    (def['items'] as z.ZodType[]).forEach((o, i) => unruledStrings(o, `${path}[${i}]`, out, seen));
    return out;
  }
  const inner = def['innerType'] ?? def['schema'];
  if (inner) unruledStrings(inner as z.ZodType, path, out, seen);
  return out;
}
