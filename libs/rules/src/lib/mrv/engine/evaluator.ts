import type { FormulaNode } from './formula-ast';
import { FormulaError } from './formula-error';
import { decimalText, MrvDecimal } from './mrv-decimal';

/** One entry of a series: `key` identifies it (meter and dates), `value` is exact. */
export interface SeriesEntryValue {
  readonly key: string;
  readonly value: MrvDecimal;
}

export type EngineValue =
  | { readonly kind: 'scalar'; readonly value: MrvDecimal }
  | { readonly kind: 'series'; readonly entries: readonly SeriesEntryValue[] };

/** One evaluated sub-expression (計算過程の一行): where it is, its text, its exact value. */
export interface TraceStep {
  readonly at: number;
  readonly expr: string;
  /** A decimal string, or one per series entry in the series' canonical order. */
  readonly value: string | readonly string[];
}

export function valueText(v: EngineValue): string | string[] {
  return v.kind === 'scalar' ? decimalText(v.value) : v.entries.map((e) => decimalText(e.value));
}

/**
 * Evaluate a checked formula (type-check.ts) exactly in MrvDecimal. Every composite sub-expression is appended to
 * `steps` in evaluation order (post-order), so a reader can follow the calculation; leaves (numbers and names)
 * are not repeated, their values are in the trace's inputs. Division by zero is a FormulaError at the divisor.
 */
export function evaluateFormula(
  source: string,
  ast: FormulaNode,
  lookup: (name: string) => EngineValue,
  steps: TraceStep[],
): EngineValue {
  const record = (node: FormulaNode, v: EngineValue): EngineValue => {
    steps.push({ at: node.start, expr: source.slice(node.start, node.end), value: valueText(v) });
    return v;
  };

  const visit = (node: FormulaNode): EngineValue => {
    switch (node.type) {
      case 'number':
        return { kind: 'scalar', value: new MrvDecimal(node.value) };
      case 'ref':
        return lookup(node.name);
      case 'neg':
        return record(
          node,
          map(visit(node.operand), (x) => x.negated()),
        );
      case 'binary': {
        const l = visit(node.left);
        const r = visit(node.right);
        const op = (a: MrvDecimal, b: MrvDecimal): MrvDecimal => {
          switch (node.op) {
            case '+':
              return a.plus(b);
            case '-':
              return a.minus(b);
            case '*':
              return a.times(b);
            case '/':
              if (b.isZero())
                throw new FormulaError(
                  'DIVISION_BY_ZERO',
                  `"${source.slice(node.right.start, node.right.end)}" is zero`,
                  source,
                  node.right.start,
                );
              return a.dividedBy(b);
          }
        };
        return record(node, combine(l, r, op, source, node));
      }
      case 'call':
        return record(node, call(node, node.args.map(visit)));
    }
  };

  return visit(ast);
}

function map(v: EngineValue, f: (x: MrvDecimal) => MrvDecimal): EngineValue {
  return v.kind === 'scalar'
    ? { kind: 'scalar', value: f(v.value) }
    : { kind: 'series', entries: v.entries.map((e) => ({ key: e.key, value: f(e.value) })) };
}

function combine(
  l: EngineValue,
  r: EngineValue,
  op: (a: MrvDecimal, b: MrvDecimal) => MrvDecimal,
  source: string,
  node: FormulaNode,
): EngineValue {
  if (l.kind === 'scalar' && r.kind === 'scalar') return { kind: 'scalar', value: op(l.value, r.value) };
  if (l.kind === 'series' && r.kind === 'scalar') return map(l, (x) => op(x, r.value));
  if (l.kind === 'scalar' && r.kind === 'series') return map(r, (x) => op(l.value, x));
  // Unreachable for a checked formula; kept so an unchecked AST still fails loudly instead of guessing.
  throw new FormulaError('TYPE_ERROR', 'two series cannot be combined', source, node.start);
}

function call(node: Extract<FormulaNode, { type: 'call' }>, args: EngineValue[]): EngineValue {
  const scalar = (value: MrvDecimal): EngineValue => ({ kind: 'scalar', value });
  const values = (): MrvDecimal[] =>
    args.length === 1 && args[0].kind === 'series' ? args[0].entries.map((e) => e.value) : args.map(asScalar);
  switch (node.fn) {
    case 'sum':
      return scalar(values().reduce((a, b) => a.plus(b), new MrvDecimal(0)));
    case 'min':
    case 'max': {
      const xs = values();
      // An empty series has no minimum; the period checks refuse empty series before evaluation.
      if (xs.length === 0) throw new RangeError(`${node.fn} of an empty series`);
      return scalar(node.fn === 'min' ? MrvDecimal.min(...xs) : MrvDecimal.max(...xs));
    }
    case 'roundDown':
      return scalar(asScalar(args[0]).toDecimalPlaces(asScalar(args[1]).toNumber(), MrvDecimal.ROUND_DOWN));
    default:
      throw new RangeError(`function ${node.fn} is not allowed`);
  }
}

function asScalar(v: EngineValue): MrvDecimal {
  if (v.kind !== 'scalar') throw new RangeError('expected a scalar');
  return v.value;
}
