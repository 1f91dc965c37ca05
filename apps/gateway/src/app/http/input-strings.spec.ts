import * as z from 'zod';
import { isTextRuleString, text, decimalString } from '@jcm/contracts';
import { GATEWAY_ROUTES } from '../routes/gateway-routes';

/**
 * Makes the string rule hard to forget: every string a route accepts (body, query, path parameters) must be built
 * by `text()` / `decimalString()` of @jcm/contracts, or be a bounded format (uuid, e-mail, date-time) or a regex
 * without unbounded repetition. A new route or field with a bare `z.string()` fails here.
 */
type Found = { path: string; why: string };

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

describe('every string a route accepts follows the string rule', () => {
  it('the walker finds a bare z.string() and accepts the rule', () => {
    const bad = z.object({ a: z.string(), b: z.array(z.object({ c: z.string().max(9) })).optional() });
    expect(unruledStrings(bad, 'x').map((f) => f.path)).toEqual(['x.a', 'x.b[].c']);
    const good = z.object({
      a: text({ max: 9 }),
      b: decimalString({ maxDigits: 3 }).optional(),
      c: z.uuid(),
    });
    expect(unruledStrings(good, 'x')).toEqual([]);
  });

  it('no route body, query or path parameter has an unruled string', () => {
    const found = GATEWAY_ROUTES.flatMap((r) =>
      (['params', 'query', 'body'] as const).flatMap((part) => {
        const s = r.spec[part];
        return s ? unruledStrings(s, `${r.method} ${r.path} ${part}`) : [];
      }),
    );
    expect(found.map((f) => `${f.path}: ${f.why}`)).toEqual([]);
  });
});
