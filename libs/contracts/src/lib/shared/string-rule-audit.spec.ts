import * as z from 'zod';
import * as contracts from '../../index';
import { unruledStrings } from './string-rule-audit';

/**
 * Every exported input schema of @jcm/contracts (a NATS command, an HTTP body or query: `…Command`, `…Body`,
 * `…Request`, `…Query`, `…Input`; not the error bodies the services send) follows the string rule. A bare `z.string()` in a new command fails here.
 */
describe('every exported command, body and query schema follows the string rule', () => {
  const inputs = Object.entries(contracts).filter(
    ([name, value]) =>
      value instanceof z.ZodType &&
      /(Command|Body|Request|Query|Input)$/.test(name) &&
      !name.endsWith('ErrorBody'),
  ) as [string, z.ZodType][];

  it('finds the input schemas', () => {
    expect(inputs.length).toBeGreaterThan(30);
  });

  it('has no unruled string', () => {
    const found = inputs.flatMap(([name, schema]) => unruledStrings(schema, name));
    expect(found.map((f) => `${f.path}: ${f.why}`)).toEqual([]);
  });
});
