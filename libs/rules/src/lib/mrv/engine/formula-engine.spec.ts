import Decimal from 'decimal.js';
import { evaluateFormula, type EngineValue, type TraceStep } from './evaluator';
import { FormulaError } from './formula-error';
import { decimalText, MrvDecimal } from './mrv-decimal';
import { parseFormula } from './parser';
import { checkFormula, type ValueShape } from './type-check';

const shapes: Record<string, ValueShape> = { EG: 'series', EF: 'scalar', COP: 'scalar', X: 'scalar' };
const s = (v: string): EngineValue => ({ kind: 'scalar', value: new MrvDecimal(v) });
const series = (...vs: string[]): EngineValue => ({
  kind: 'series',
  entries: vs.map((v, i) => ({ key: `m${i}`, value: new MrvDecimal(v) })),
});

function errorsOf(source: string): { code: string; line: number; column: number; offset: number }[] {
  try {
    const ast = parseFormula(source);
    return checkFormula(source, ast, (n) => shapes[n]).errors.map((e) => ({ code: e.code, ...e.position }));
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    return [{ code: e.code, ...e.position }];
  }
}

function run(
  source: string,
  env: Record<string, EngineValue>,
): { value: string | string[]; steps: TraceStep[] } {
  const ast = parseFormula(source);
  expect(checkFormula(source, ast, (n) => (env[n] ? (env[n].kind as ValueShape) : undefined)).errors).toEqual(
    [],
  );
  const steps: TraceStep[] = [];
  const v = evaluateFormula(source, ast, (n) => env[n], steps);
  return {
    value: v.kind === 'scalar' ? decimalText(v.value) : v.entries.map((e) => decimalText(e.value)),
    steps,
  };
}

describe('formula grammar: refused formulas carry a code and a position', () => {
  it('a function outside the allow-list, at the function name', () => {
    expect(errorsOf('sum(EG) * exp(EF)')).toEqual([
      { code: 'UNKNOWN_FUNCTION', offset: 10, line: 1, column: 11 },
    ]);
    // No way to reach the host language: property access and strings are not even tokens.
    expect(errorsOf('EF.constructor')).toEqual([{ code: 'SYNTAX_ERROR', offset: 2, line: 1, column: 3 }]);
    expect(errorsOf('eval("1")')).toEqual([{ code: 'SYNTAX_ERROR', offset: 5, line: 1, column: 6 }]);
  });
  it('an undefined parameter, on the second line', () => {
    expect(errorsOf('sum(EG)\n  * EF_grid')).toEqual([
      { code: 'UNDEFINED_PARAMETER', offset: 12, line: 2, column: 5 },
    ]);
  });
  it('syntax errors', () => {
    expect(errorsOf('sum(EG) *')).toEqual([{ code: 'SYNTAX_ERROR', offset: 9, line: 1, column: 10 }]);
    expect(errorsOf('(EF + 1')).toEqual([{ code: 'SYNTAX_ERROR', offset: 7, line: 1, column: 8 }]);
    expect(errorsOf('EF 2')).toEqual([{ code: 'SYNTAX_ERROR', offset: 3, line: 1, column: 4 }]);
    expect(errorsOf('1.')).toEqual([{ code: 'SYNTAX_ERROR', offset: 2, line: 1, column: 3 }]);
    expect(errorsOf('2EF')).toEqual([{ code: 'SYNTAX_ERROR', offset: 1, line: 1, column: 2 }]);
    expect(errorsOf('')).toEqual([{ code: 'SYNTAX_ERROR', offset: 0, line: 1, column: 1 }]);
    expect(errorsOf('EF ^ 2')).toEqual([{ code: 'SYNTAX_ERROR', offset: 3, line: 1, column: 4 }]);
  });
  it('series vs scalar type errors', () => {
    expect(errorsOf('EG * EF')).toEqual([]); // entry by entry
    expect(errorsOf('sum(EF)')).toEqual([{ code: 'TYPE_ERROR', offset: 4, line: 1, column: 5 }]);
    expect(errorsOf('EG + EG')).toEqual([{ code: 'TYPE_ERROR', offset: 5, line: 1, column: 6 }]);
    expect(errorsOf('max(EG, EF)')).toEqual([{ code: 'TYPE_ERROR', offset: 4, line: 1, column: 5 }]);
    expect(errorsOf('min(EF)')).toEqual([{ code: 'TYPE_ERROR', offset: 4, line: 1, column: 5 }]);
    expect(errorsOf('sum(EG, EG)')).toEqual([{ code: 'ARITY', offset: 0, line: 1, column: 1 }]);
    expect(errorsOf('roundDown(EF, X)')).toEqual([
      { code: 'INVALID_ARGUMENT', offset: 14, line: 1, column: 15 },
    ]);
  });
  it('collects every error of a formula, not just the first', () => {
    expect(errorsOf('foo(EF) + BAR').map((e) => e.code)).toEqual(['UNKNOWN_FUNCTION', 'UNDEFINED_PARAMETER']);
  });
  it('refuses pathological nesting instead of overflowing the stack', () => {
    expect(errorsOf(`${'('.repeat(100)}1${')'.repeat(100)}`)[0].code).toBe('TOO_COMPLEX');
  });
});

describe('formula evaluation in decimal', () => {
  it('precedence, unary minus, Σ and the typographic operators', () => {
    expect(run('1 + 2 * 3 - -4', {}).value).toBe('11');
    expect(run('(1 + 2) × 3 ÷ 4 − 1', {}).value).toBe('1.25');
    expect(run('Σ(EG) * EF', { EG: series('10', '20.5'), EF: s('0.5664') }).value).toBe('17.2752');
  });
  it('0.1 + 0.2 is 0.3, not 0.30000000000000004', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(run('sum(EG)', { EG: series('0.1', '0.2') }).value).toBe('0.3');
  });
  it('divides with 40 significant digits and never touches the global Decimal', () => {
    expect(run('1 / 3', {}).value).toBe(`0.${'3'.repeat(40)}`);
    expect(run('2 / 3', {}).value).toBe(`0.${'6'.repeat(39)}7`); // half-even on the 40th digit
    expect(Decimal.precision).toBe(20); // decimal.js default: the clone left the global alone
  });
  it('roundDown truncates toward zero; min and max over a series or scalars', () => {
    expect(run('roundDown(X, 2)', { X: s('-1.239') }).value).toBe('-1.23');
    expect(run('min(EG) + max(EG)', { EG: series('3', '1', '2') }).value).toBe('4');
    expect(run('max(EF, X, 0)', { EF: s('-1'), X: s('-2') }).value).toBe('0');
  });
  it('records each composite sub-expression with its exact value', () => {
    const { steps } = run('sum(EG * EF) - 1', { EG: series('100', '200'), EF: s('0.5') });
    expect(steps).toEqual([
      { at: 4, expr: 'EG * EF', value: ['50', '100'] },
      { at: 0, expr: 'sum(EG * EF)', value: '150' },
      { at: 0, expr: 'sum(EG * EF) - 1', value: '149' },
    ]);
  });
  it('division by zero fails at the divisor', () => {
    expect(() => run('EF / (X - 1)', { EF: s('1'), X: s('1') })).toThrow(
      expect.objectContaining({ code: 'DIVISION_BY_ZERO', position: { offset: 6, line: 1, column: 7 } }),
    );
  });
});

describe('one text form per decimal', () => {
  it('normalises trailing zeros, leading zeros and negative zero', () => {
    expect(
      ['124.30', '0124', '-0', '-0.0', '0.000', '-0.50', '1.05', '100'].map((v) =>
        decimalText(new MrvDecimal(v)),
      ),
    ).toEqual(['124.3', '124', '0', '0', '0', '-0.5', '1.05', '100']);
  });
});
