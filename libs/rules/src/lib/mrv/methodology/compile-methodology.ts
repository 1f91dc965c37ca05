import type { FormulaNode } from '../engine/formula-ast';
import { FormulaError, type FormulaErrorCode, type FormulaPosition } from '../engine/formula-error';
import { mrvDecimal } from '../engine/mrv-decimal';
import { parseFormula } from '../engine/parser';
import { checkFormula, type ValueShape } from '../engine/type-check';
import {
  MethodologyShape,
  REQUIRED_OUTPUTS,
  type Methodology,
  type MethodologyOutput,
  type MethodologyParameter,
} from './methodology.schema';

export type MethodologyIssueCode =
  | FormulaErrorCode
  | 'INVALID_FIELD'
  | 'DUPLICATE_NAME'
  | 'MISSING_OUTPUT'
  | 'OUTPUT_NOT_SCALAR'
  | 'RANGE_INVERTED'
  | 'DEFAULT_OUT_OF_RANGE';

/** Why a methodology cannot be saved: a field path (as zod gives it) and, for a formula, the position in it. */
export interface MethodologyIssue {
  readonly path: readonly (string | number)[];
  readonly code: MethodologyIssueCode;
  readonly message: string;
  readonly position?: FormulaPosition;
}

export interface CompiledOutput {
  readonly output: MethodologyOutput;
  readonly index: number;
  readonly ast: FormulaNode;
  readonly shape: ValueShape;
}

/** A methodology checked and parsed once; evaluation reuses it for every period. */
export interface CompiledMethodology {
  readonly methodology: Methodology;
  readonly parameters: ReadonlyMap<string, MethodologyParameter>;
  /** Outputs in dependency order (an output after every output its formula uses). */
  readonly order: readonly CompiledOutput[];
}

/** Every reason the methodology's formulas and parameters do not hold together, or the compiled form. */
export function compileMethodology(
  m: Methodology,
): { compiled: CompiledMethodology; issues: [] } | { compiled?: undefined; issues: MethodologyIssue[] } {
  const issues: MethodologyIssue[] = [];
  const parameters = new Map<string, MethodologyParameter>();
  const outputIndex = new Map<string, number>();

  m.parameters.forEach((p, i) => {
    if (parameters.has(p.id))
      issues.push({
        path: ['parameters', i, 'id'],
        code: 'DUPLICATE_NAME',
        message: `"${p.id}" is defined twice`,
      });
    parameters.set(p.id, p);
    issues.push(...rangeIssues(p, i));
  });
  m.outputs.forEach((o, i) => {
    if (parameters.has(o.id) || outputIndex.has(o.id))
      issues.push({
        path: ['outputs', i, 'id'],
        code: 'DUPLICATE_NAME',
        message: `"${o.id}" is defined twice`,
      });
    else outputIndex.set(o.id, i);
  });
  for (const id of REQUIRED_OUTPUTS) {
    if (!outputIndex.has(id))
      issues.push({
        path: ['outputs'],
        code: 'MISSING_OUTPUT',
        message: `output ${id} is required (RE, PE and ER)`,
      });
  }

  const formulaIssue = (i: number, e: FormulaError): MethodologyIssue => ({
    path: ['outputs', i, 'formula'],
    code: e.code,
    message: e.message,
    position: e.position,
  });
  const asts: (FormulaNode | undefined)[] = m.outputs.map((o, i) => {
    try {
      return parseFormula(o.formula);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      issues.push(formulaIssue(i, e));
      return undefined;
    }
  });

  const order = dependencyOrder(m, asts, outputIndex, (i, e) => issues.push(formulaIssue(i, e)));
  const shapes = new Map<string, ValueShape>();
  parameters.forEach((p, id) => shapes.set(id, p.shape === 'SERIES' ? 'series' : 'scalar'));
  const compiledOrder: CompiledOutput[] = [];
  for (const i of order) {
    const output = m.outputs[i];
    const ast = asts[i];
    if (!ast) continue;
    // An output may use only outputs it does not depend on cyclically; names seen later in `order` are unknown here.
    const checked = checkFormula(
      output.formula,
      ast,
      (name) => shapes.get(name) ?? (outputIndex.has(name) ? 'scalar' : undefined),
    );
    checked.errors.forEach((e) => issues.push(formulaIssue(i, e)));
    const required = (REQUIRED_OUTPUTS as readonly string[]).includes(output.id);
    // A required output counts as the scalar it must be, so one mistake is reported once, not in every user.
    shapes.set(output.id, required ? 'scalar' : checked.shape);
    if (required && checked.shape !== 'scalar') {
      issues.push({
        path: ['outputs', i, 'formula'],
        code: 'OUTPUT_NOT_SCALAR',
        message: `${output.id} must be one number for the period: wrap the series in sum()`,
      });
    }
    compiledOrder.push({ output, index: i, ast, shape: checked.shape });
  }
  if (issues.length > 0) return { issues };
  return { compiled: { methodology: m, parameters, order: compiledOrder }, issues: [] };
}

/** Topological order of outputs by the outputs their formulas use; a cycle is reported at the reference closing it. */
function dependencyOrder(
  m: Methodology,
  asts: readonly (FormulaNode | undefined)[],
  outputIndex: ReadonlyMap<string, number>,
  report: (i: number, e: FormulaError) => void,
): number[] {
  const state = new Map<number, 'visiting' | 'done'>();
  const order: number[] = [];
  const visit = (i: number): void => {
    state.set(i, 'visiting');
    const ast = asts[i];
    for (const ref of ast ? refsOf(ast) : []) {
      const j = outputIndex.get(ref.name);
      if (j === undefined) continue;
      if (state.get(j) === 'visiting') {
        report(
          i,
          new FormulaError(
            'CYCLE',
            `"${ref.name}" depends on ${m.outputs[i].id} again (circular formulas)`,
            m.outputs[i].formula,
            ref.start,
          ),
        );
      } else if (!state.has(j)) {
        visit(j);
      }
    }
    state.set(i, 'done');
    order.push(i);
  };
  m.outputs.forEach((_, i) => state.has(i) || visit(i));
  return order;
}

function refsOf(ast: FormulaNode): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  const walk = (n: FormulaNode): void => {
    if (n.type === 'ref') out.push({ name: n.name, start: n.start });
    else if (n.type === 'neg') walk(n.operand);
    else if (n.type === 'binary') [n.left, n.right].forEach(walk);
    else if (n.type === 'call') n.args.forEach(walk);
  };
  walk(ast);
  return out;
}

function rangeIssues(p: MethodologyParameter, i: number): MethodologyIssue[] {
  const out: MethodologyIssue[] = [];
  const min = p.plausibleRange?.min !== undefined ? mrvDecimal(p.plausibleRange.min) : undefined;
  const max = p.plausibleRange?.max !== undefined ? mrvDecimal(p.plausibleRange.max) : undefined;
  if (min && max && min.greaterThan(max))
    out.push({
      path: ['parameters', i, 'plausibleRange'],
      code: 'RANGE_INVERTED',
      message: `${p.id}: min ${p.plausibleRange?.min} > max ${p.plausibleRange?.max}`,
    });
  if (p.defaultValue !== undefined) {
    const d = mrvDecimal(p.defaultValue);
    if ((min && d.lessThan(min)) || (max && d.greaterThan(max))) {
      out.push({
        path: ['parameters', i, 'defaultValue'],
        code: 'DEFAULT_OUT_OF_RANGE',
        message: `${p.id}: default ${p.defaultValue} is outside its plausible range`,
      });
    }
  }
  return out;
}

/**
 * The schema a service parses a methodology with when it is saved (保存時の検証): shape, and every formula issue
 * as a zod issue at `outputs.<i>.formula` with `params: { code, position }`. Nothing is saved that cannot run.
 */
export const MethodologySchema = MethodologyShape.superRefine((m, ctx) => {
  for (const issue of compileMethodology(m).issues) {
    ctx.addIssue({
      code: 'custom',
      message: issue.message,
      path: [...issue.path],
      params: { code: issue.code, position: issue.position },
    });
  }
});

export type MethodologyValidation =
  | { readonly ok: true; readonly methodology: Methodology; readonly compiled: CompiledMethodology }
  | { readonly ok: false; readonly issues: readonly MethodologyIssue[] };

/** Validate raw data as a methodology: zod shape first (issues with field paths), then formulas. */
export function validateMethodology(raw: unknown): MethodologyValidation {
  const shape = MethodologyShape.safeParse(raw);
  if (!shape.success) {
    return {
      ok: false,
      issues: shape.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        code: 'INVALID_FIELD' as const,
        message: i.message,
      })),
    };
  }
  const result = compileMethodology(shape.data);
  return result.compiled
    ? { ok: true, methodology: shape.data, compiled: result.compiled }
    : { ok: false, issues: result.issues };
}
