import * as z from 'zod';
import { decimalString, text, unruledStrings } from '@jcm/contracts';
import { GATEWAY_ROUTES } from '../routes/gateway-routes';

/**
 * Makes the string rule hard to forget: every string a route accepts (body, query, path parameters) must be built
 * by `text()` / `decimalString()` of @jcm/contracts, or be a bounded format (uuid, e-mail, date-time) or a regex
 * without unbounded repetition. A new route or field with a bare `z.string()` fails here.
 */
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
