import { FieldIssue } from '@jcm/contracts';

import { decimalText, wholeNumberText } from '../../i18n/number-format';
import {
  Bilingual,
  CalculatorDefinition,
  CalculatorField,
  FieldValue,
  FormValues,
} from './calculator-definition';

export type LocalError = 'calc.err.required' | 'calc.err.integer' | 'calc.err.decimal';
/** Field problems: our own checks as message keys, the schema's and the server's as text. */
export type FieldProblem = { key: LocalError } | { text: string };

/** A section as shown: repeated sections once per item, with concrete paths and test hooks. */
export interface ShownSection {
  key: string;
  sectionIndex: number;
  item: number;
  title: Bilingual;
  fields: CalculatorField[];
}

/** Items per section (1 for sections that do not repeat). */
export type SectionCounts = readonly number[];

export function initialCounts(definition: CalculatorDefinition): number[] {
  return definition.sections.map(() => 1);
}

export function shownSections(definition: CalculatorDefinition, counts: SectionCounts): ShownSection[] {
  return definition.sections.flatMap((section, sectionIndex) => {
    if (!section.repeat)
      return [
        { fields: [...section.fields], item: 0, key: `${sectionIndex}`, sectionIndex, title: section.title },
      ];
    return Array.from({ length: counts[sectionIndex] ?? 1 }, (_, item) => ({
      fields: section.fields.map((field) => ({
        ...field,
        path: field.path.replace('{i}', String(item)),
        default:
          typeof field.default === 'string' ? field.default.replace('{n}', String(item + 1)) : field.default,
        testId: field.testId && item > 0 ? `${field.testId}-${item + 1}` : field.testId,
      })),
      item,
      key: `${sectionIndex}-${item}`,
      sectionIndex,
      title: {
        en: section.title.en.replace('{n}', String(item + 1)),
        ja: section.title.ja.replace('{n}', String(item + 1)),
      },
    }));
  });
}

export function fieldsOf(
  definition: CalculatorDefinition,
  counts: SectionCounts = initialCounts(definition),
): CalculatorField[] {
  return shownSections(definition, counts).flatMap((section) => section.fields);
}

export function emptyValues(definition: CalculatorDefinition, counts?: SectionCounts): FormValues {
  return Object.fromEntries(
    fieldsOf(definition, counts).map((field) => [field.path, field.default ?? emptyOf(field)]),
  );
}

export function emptyOf(field: CalculatorField): FieldValue {
  if (field.kind === 'bool') return false;
  if (field.kind === 'multi') return [];
  return '';
}

/**
 * Builds the request body from the form. Integers become JS numbers only after a whole-number check; decimals
 * stay strings. Answers the body, or the fields that could not be read.
 */
export function buildBody(
  definition: CalculatorDefinition,
  counts: SectionCounts,
  values: FormValues,
): { body: Record<string, unknown>; problems: Record<string, FieldProblem[]> } {
  const body: Record<string, unknown> = {};
  const problems: Record<string, FieldProblem[]> = {};
  for (const field of fieldsOf(definition, counts)) {
    const raw = values[field.path] ?? field.default ?? emptyOf(field);
    const converted = convert(field, raw);
    if (converted === undefined) {
      if (field.required) problems[field.path] = [{ key: 'calc.err.required' }];
      continue;
    }
    if (typeof converted === 'object' && 'problem' in converted) {
      problems[field.path] = [{ key: converted.problem }];
      continue;
    }
    setPath(body, field.path, converted.value);
  }
  return { body: definition.toBody ? definition.toBody(body) : body, problems };
}

type Converted = { value: unknown } | { problem: LocalError } | undefined;

function convert(field: CalculatorField, raw: FieldValue): Converted {
  if (field.kind === 'bool') return { value: raw === true };
  if (field.kind === 'multi') return { value: Array.isArray(raw) ? raw : [] };
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return undefined;
  if (field.kind === 'yen' || field.kind === 'count') {
    const whole = wholeNumberText(text);
    if (whole === null || !Number.isSafeInteger(Number(whole))) return { problem: 'calc.err.integer' };
    return { value: Number(whole) };
  }
  if (field.kind === 'whole') {
    const whole = wholeNumberText(text);
    return whole === null ? { problem: 'calc.err.integer' } : { value: whole };
  }
  if (field.kind === 'decimal') {
    const decimal = decimalText(text);
    return decimal === null ? { problem: 'calc.err.decimal' } : { value: decimal };
  }
  return { value: text };
}

/** `a.0.b` sets `body.a[0].b`, creating arrays for numeric segments. */
function setPath(body: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let node: Record<string, unknown> | unknown[] = body;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const key: string | number = Array.isArray(node) ? Number(segment) : segment;
    const container = node as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    container[key] ??= /^\d+$/.test(segments[i + 1]) ? [] : {};
    node = container[key] as Record<string, unknown> | unknown[];
  });
}

/** Issues by the field whose path they name (or a parent of it); the rest are form-level. */
export function assignIssues(
  definition: CalculatorDefinition,
  counts: SectionCounts,
  issues: readonly FieldIssue[],
): { byField: Record<string, FieldProblem[]>; general: string[] } {
  const paths = fieldsOf(definition, counts).map((field) => field.path);
  const byField: Record<string, FieldProblem[]> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const target =
      paths.find((path) => path === issue.path) ??
      paths.find((path) => issue.path !== '' && path.startsWith(`${issue.path}.`)) ??
      paths.find((path) => issue.path.startsWith(`${path}.`));
    if (target) (byField[target] ??= []).push({ text: issue.message });
    else
      general.push(issue.path && issue.path !== '(root)' ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return { byField, general };
}

/** Reads `a.0.b` from a result object; undefined when any step is missing. */
export function readPath(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, segment) => {
    if (node === null || typeof node !== 'object') return undefined;
    return (node as Record<string, unknown>)[segment];
  }, source);
}
