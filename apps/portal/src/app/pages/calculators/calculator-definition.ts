import type { ZodType } from 'zod';

/** Calculator labels live next to their fields (one file per calculator), in both languages. */
export interface Bilingual {
  ja: string;
  en: string;
}

/**
 * How a field is typed and sent: `yen` and `count` as JS integers (yen are whole), `decimal` as a string
 * (tonnes, factors: never a float), `whole` a whole-number string (credits, serials), `bool` a checkbox, `multi` a set of checkboxes sent as a string array.
 */
export type FieldKind = 'yen' | 'count' | 'whole' | 'decimal' | 'text' | 'date' | 'select' | 'bool' | 'multi';
export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;

export interface CalculatorField {
  /** Path in the request body, e.g. `technologies.0.eligibleCostYen`; also matches the server's issue paths. */
  path: string;
  kind: FieldKind;
  label: Bilingual;
  hint?: Bilingual;
  /** Left out of the body when empty unless required. */
  required?: boolean;
  /** In a repeated section, `{n}` in a text default is the item number (e.g. `T{n}` → T1, T2). */
  default?: FieldValue;
  options?: readonly { value: string; label: Bilingual }[];
  /** Stable test hook; in a repeated section it names the first item, later ones get `-2`, `-3`, … */
  testId?: string;
}

export interface CalculatorSection {
  /** In a repeated section, `{n}` is replaced by the item number (1, 2, …). */
  title: Bilingual;
  /** In a repeated section, paths hold `{i}` for the item index (0, 1, …), e.g. `technologies.{i}.eligibleCostYen`. */
  fields: readonly CalculatorField[];
  /** A list in the body (e.g. several technologies): items are added and removed at the end. */
  repeat?: { max: number; add: Bilingual; remove: Bilingual };
}

export type FigureKind = 'yen' | 'yenPerT' | 'tonnes' | 'years' | 'points' | 'number' | 'text' | 'bool';

export interface ResultFigure {
  /** Path in `result`, e.g. `costEffectivenessYenPerT`; in a table, relative to the row. */
  path: string;
  kind: FigureKind;
  label: Bilingual;
  testId?: string;
}

export interface ResultTable {
  /** Path of an array in `result`. */
  path: string;
  title: Bilingual;
  columns: readonly ResultFigure[];
}

export interface CalculatorDefinition {
  /** The gateway's calculator name: POST /api/v1/calculators/<name>. */
  name: string;
  title: Bilingual;
  lead: Bilingual;
  sections: readonly CalculatorSection[];
  figures: readonly ResultFigure[];
  tables?: readonly ResultTable[];
  /** Values for the "example" button (documents' worked example). */
  example?: FormValues;
  /** The input schema of @jcm/rules: checked before sending, so issues show without a round trip. */
  schema: ZodType;
  /** Last reshaping of the body where fields do not map 1:1 (e.g. drop empty list rows). */
  toBody?: (body: Record<string, unknown>) => Record<string, unknown>;
}
