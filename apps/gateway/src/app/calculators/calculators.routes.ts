import { z } from 'zod';
import { DomainError } from '@jcm/contracts';
import { parseInput } from '../http/parse-body';
import { route, routeArea } from '../routes/route';
import { CALCULATORS } from './calculator-registry';

export const CalculatorList = z.object({
  items: z.array(z.object({ name: z.string(), preset: z.string().nullable() })),
});
/** The figures and cited findings of one calculator (each rule's own result shape; see @jcm/rules). */
export const CalculatorAnswer = z.object({
  calculator: z.string(),
  preset: z.string().nullable(),
  result: z.record(z.string(), z.unknown()),
});
/** Documents the body of `POST /calculators/{name}`: the input of the calculator the path names. */
const AnyCalculatorInput = z.union(
  Object.entries(CALCULATORS).map(([name, c]) => c.input.meta({ title: name })) as [
    z.ZodTypeAny,
    z.ZodTypeAny,
    ...z.ZodTypeAny[],
  ],
);

/** /api/v1/calculators: public (no login) so anyone can check a plan before applying. Computes, stores nothing. */
export const CALCULATOR_ROUTES = routeArea('Calculators', [
  route({
    method: 'GET',
    path: 'calculators',
    summary: 'Public calculators and the presets they apply',
    auth: 'public',
    response: CalculatorList,
    handle: () => ({ items: Object.entries(CALCULATORS).map(([name, c]) => ({ name, preset: c.preset })) }),
  }),
  route({
    method: 'POST',
    path: 'calculators/:name',
    summary: `Run a public calculator (${Object.keys(CALCULATORS).join(', ')}): figures and cited findings`,
    auth: 'public',
    status: 200,
    body: AnyCalculatorInput,
    // The schema depends on the calculator named in the path: an unknown name is a 404 before any body check.
    bodyParsedByHandler: true,
    response: CalculatorAnswer,
    handle: (_, { params: { name }, rawBody }) => {
      const calculator = CALCULATORS[name];
      if (!calculator) throw new DomainError('NOT_FOUND', `No calculator named ${name}`);
      const input = parseInput(calculator.input, rawBody);
      return {
        calculator: name,
        preset: calculator.preset,
        result: calculator.run(input as never) as Record<string, unknown>,
      };
    },
  }),
]);
