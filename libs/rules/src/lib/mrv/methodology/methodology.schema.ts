import * as z from 'zod';
import { IsoDateSchema } from '../../shared/schemas';
import { DECIMAL_LITERAL_RE } from '../engine/mrv-decimal';
import { MAX_FORMULA_LENGTH } from '../engine/tokenizer';
import { isAllowedFunction, MAX_ROUND_PLACES } from '../engine/type-check';

export const LocalizedText = z.object({ ja: z.string().trim().min(1), en: z.string().trim().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A signed decimal string ("-1.5", "0.5664"); never a JS number, so no float ever enters a methodology. */
export const SignedDecimalString = z
  .string()
  // Bounded before the pattern runs (the string rule): a 10 MB digit string is refused unread.
  .max(64, { abort: true })
  .regex(DECIMAL_LITERAL_RE, 'expected a decimal string such as "0.5664"');

/** Parameter and output names, as formulas write them. Function names are reserved. */
export const FormulaName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a name is a letter or _ followed by letters, digits or _ (max 64)')
  .refine((n) => !isAllowedFunction(n), 'a function name cannot be used as a parameter or output name')
  .refine((n) => !n.startsWith('__'), 'names starting with __ are reserved');

/**
 * JCM monitoring options (モニタリングオプション, JCM Monitoring Spreadsheet): A = public or statistical data measured
 * by others, B = transaction records (invoices), C = the participant's own calibrated measurement.
 * Source: anchors/mrv-grants.md §3.1 (ADB JCM handbook; ID_AM002 monitoring sheet).
 */
export const MonitoringOption = z.enum(['A', 'B', 'C']);

/** Where a fixed-ex-ante grid factor comes from: 別添4 (jcm-grants.md §3.5), column by technology kind. */
export const GridFactorBinding = z.object({
  table: z.literal('GRID_EF_JCM_FY2021'),
  /** EE = 省エネルギー columns, RE = 再生可能エネルギー columns of 別添4. */
  technology: z.enum(['EE', 'RE']),
});

/** A methodology parameter (パラメータ): monitored each period, or fixed ex ante at validation (事前固定値). */
export const MethodologyParameter = z
  .object({
    id: FormulaName,
    /** The symbol as the methodology prints it, e.g. "EG_i,p" (display only). */
    symbol: z.string().trim().min(1).optional(),
    name: LocalizedText,
    kind: z.enum(['MONITORED', 'FIXED_EX_ANTE']),
    /** SERIES = one value per month and meter over the period; SCALAR = one value for the period. */
    shape: z.enum(['SCALAR', 'SERIES']),
    unit: z.string().trim().min(1),
    defaultValue: SignedDecimalString.optional(),
    /** Data source (データの出典) or measurement method. */
    source: LocalizedText,
    monitoringOption: MonitoringOption.optional(),
    plausibleRange: z
      .object({ min: SignedDecimalString.optional(), max: SignedDecimalString.optional() })
      .optional(),
    gridFactor: GridFactorBinding.optional(),
  })
  .refine((p) => p.shape === 'SCALAR' || p.defaultValue === undefined, {
    message: 'a series parameter has no default value',
    path: ['defaultValue'],
  })
  .refine((p) => p.kind === 'FIXED_EX_ANTE' || p.gridFactor === undefined, {
    message: 'only a fixed-ex-ante parameter takes its value from 別添4',
    path: ['gridFactor'],
  });
export type MethodologyParameter = z.infer<typeof MethodologyParameter>;

/**
 * Rounding of an output (端数処理): DOWN = toward zero (切り捨て), UP = away from zero (切り上げ), HALF_UP = 四捨五入,
 * NONE = exact. JCM reductions: DOWN to 0 places (plan-forms.md §5.1, A:L839).
 */
export const RoundingRule = z.object({
  mode: z.enum(['NONE', 'DOWN', 'UP', 'HALF_UP']),
  places: z.number().int().min(0).max(MAX_ROUND_PLACES),
});
export type RoundingRule = z.infer<typeof RoundingRule>;

/** An output (算定結果): RE, PE, ER and any intermediate the methodology names. Formulas may use earlier outputs. */
export const MethodologyOutput = z.object({
  id: FormulaName,
  name: LocalizedText,
  unit: z.string().trim().min(1),
  formula: z.string().min(1).max(MAX_FORMULA_LENGTH),
  rounding: RoundingRule,
});
export type MethodologyOutput = z.infer<typeof MethodologyOutput>;

/** One eligibility criterion (適格性要件) of the methodology's numbered checklist. */
export const EligibilityCriterion = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/),
  text: LocalizedText,
  source: z.string().trim().min(1),
});
export type EligibilityCriterion = z.infer<typeof EligibilityCriterion>;

/** Outputs every methodology defines: reference, project emissions and the reduction (jcm-grants.md §4.1②). */
export const REQUIRED_OUTPUTS = ['RE', 'PE', 'ER'] as const;

/**
 * A methodology version as data (方法論): who may use it, which parameters it monitors or fixes, and its formulas.
 * `status` follows methodology-lifecycle.ts (DRAFT → PUBLISHED; a published version never changes). Formula checks
 * (grammar, allow-list, names, series vs scalar, cycles) run in `MethodologySchema`, compile-methodology.ts.
 */
export const MethodologyShape = z.object({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,63}$/, 'id: upper-case letters, digits, _ and -'),
  version: z.string().regex(/^\d{1,3}\.\d{1,3}$/, 'version: major.minor, e.g. "1.0"'),
  status: z.enum(['DRAFT', 'PUBLISHED']),
  publishedOn: IsoDateSchema.optional(),
  title: LocalizedText,
  /** JCM sectoral scope number (分野), e.g. 1 energy industries, 3 energy demand (sectoral-scopes.ts). */
  sectoralScope: z.number().int().min(1).max(15),
  /** The approved JCM methodology this one follows (A-9 方法論番号), when there is one, e.g. "TH_AM001". */
  jcmMethodologyNumber: z
    .string()
    .regex(/^[A-Z]{2}_(AM|PM)\d{3}$/)
    .optional(),
  /** What the formulas and parameters are written from (document and section). */
  basedOn: z.string().trim().min(1),
  parameters: z.array(MethodologyParameter).min(1).max(200),
  outputs: z.array(MethodologyOutput).min(3).max(100),
  eligibility: z.array(EligibilityCriterion).min(1).max(100),
});
export type Methodology = z.infer<typeof MethodologyShape>;
