import type { FormulaNode } from './formula-ast';
import { FormulaError } from './formula-error';

/** A value is one number (スカラー) or a per-period series (月別・計量器別の系列). */
export type ValueShape = 'scalar' | 'series';

/**
 * The allow-list (許可関数). Nothing else can be called; a formula naming any other function is refused when the
 * methodology is validated.
 * - sum(series): Σ over every entry of a monthly / per-meter series (also written Σ(…));
 * - min(series) / max(series): smallest / largest entry; min(a, b, …) / max(a, b, …): of two or more scalars;
 * - roundDown(x, places): toward zero to `places` decimals (切り捨て), places an integer literal 0–20.
 */
export const ALLOWED_FUNCTIONS = ['sum', 'min', 'max', 'roundDown'] as const;
export type AllowedFunction = (typeof ALLOWED_FUNCTIONS)[number];

export function isAllowedFunction(name: string): name is AllowedFunction {
  return (ALLOWED_FUNCTIONS as readonly string[]).includes(name);
}

export const MAX_ROUND_PLACES = 20;

/**
 * Static check of one formula: every function allowed, every name defined, series and scalars used where they
 * fit. Returns the formula's shape, or every error found (not only the first), each at its position.
 */
export function checkFormula(
  source: string,
  ast: FormulaNode,
  shapeOf: (name: string) => ValueShape | undefined,
): { shape: ValueShape; errors: FormulaError[] } {
  const errors: FormulaError[] = [];
  const fail = (code: FormulaError['code'], message: string, at: number): ValueShape => {
    errors.push(new FormulaError(code, message, source, at));
    return 'scalar'; // keep checking the rest of the formula as if this part were a scalar
  };

  const visit = (node: FormulaNode): ValueShape => {
    switch (node.type) {
      case 'number':
        return 'scalar';
      case 'ref':
        return (
          shapeOf(node.name) ??
          fail(
            'UNDEFINED_PARAMETER',
            `"${node.name}" is not a parameter or output of this methodology`,
            node.start,
          )
        );
      case 'neg':
        return visit(node.operand);
      case 'binary': {
        const l = visit(node.left);
        const r = visit(node.right);
        // A series combines with a scalar entry by entry; two series never combine (their entries need not align).
        if (l === 'series' && r === 'series') {
          return fail(
            'TYPE_ERROR',
            `"${node.op}" of two series: aggregate one with sum(), min() or max() first`,
            node.right.start,
          );
        }
        return l === 'series' || r === 'series' ? 'series' : 'scalar';
      }
      case 'call':
        return visitCall(node);
    }
  };

  const visitCall = (node: Extract<FormulaNode, { type: 'call' }>): ValueShape => {
    if (!isAllowedFunction(node.fn)) {
      node.args.forEach(visit);
      return fail(
        'UNKNOWN_FUNCTION',
        `"${node.fn}" is not an allowed function (allowed: ${ALLOWED_FUNCTIONS.join(', ')})`,
        node.start,
      );
    }
    const shapes = node.args.map(visit);
    switch (node.fn) {
      case 'sum':
        if (shapes.length !== 1) return fail('ARITY', 'sum takes exactly one series', node.start);
        if (shapes[0] !== 'series')
          return fail('TYPE_ERROR', 'sum expects a series, got a scalar', node.args[0].start);
        return 'scalar';
      case 'min':
      case 'max':
        if (shapes.length === 0)
          return fail('ARITY', `${node.fn} needs one series or two or more scalars`, node.start);
        if (shapes.length === 1) {
          return shapes[0] === 'series'
            ? 'scalar'
            : fail('TYPE_ERROR', `${node.fn} of one argument expects a series`, node.args[0].start);
        }
        shapes.forEach(
          (s, i) =>
            s === 'series' &&
            fail('TYPE_ERROR', `${node.fn} of several arguments expects scalars`, node.args[i].start),
        );
        return 'scalar';
      case 'roundDown': {
        if (shapes.length !== 2) return fail('ARITY', 'roundDown takes (value, places)', node.start);
        if (shapes[0] === 'series')
          fail('TYPE_ERROR', 'roundDown expects a scalar value', node.args[0].start);
        const places = node.args[1];
        if (
          places.type !== 'number' ||
          !/^\d+$/.test(places.value) ||
          Number(places.value) > MAX_ROUND_PLACES
        ) {
          fail(
            'INVALID_ARGUMENT',
            `places must be a whole number 0–${MAX_ROUND_PLACES} written in the formula`,
            places.start,
          );
        }
        return 'scalar';
      }
    }
  };

  return { shape: visit(ast), errors };
}
