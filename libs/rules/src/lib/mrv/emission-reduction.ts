import Decimal from 'decimal.js';
import * as z from 'zod';
import { finding, type Finding } from '../shared/finding';
import { compareDates } from '../shared/iso-date';
import { DecimalStringSchema, IsoDateSchema } from '../shared/schemas';
import { floorTonnes } from '../shared/tonnes';

const Source = z.object({
  label: z
    .string()
    .max(200)
    .regex(/^[^\p{Cc}]{0,200}$/u)
    .optional(),
  activity: DecimalStringSchema, // e.g. MWh or GJ in the period
  emissionFactor: DecimalStringSchema, // tCO2 per activity unit
});

/** Request body for calculateEmissionReduction (排出削減量の算定, one monitoring period). */
export const EmissionReductionInput = z
  .object({
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    reference: z.array(Source).optional(),
    project: z.array(Source).optional(),
    referenceEmissionsT: DecimalStringSchema.optional(),
    projectEmissionsT: DecimalStringSchema.optional(),
  })
  .refine((v) => (v.reference !== undefined) !== (v.referenceEmissionsT !== undefined), {
    message: 'give reference sources or referenceEmissionsT',
    path: ['reference'],
  })
  .refine((v) => (v.project !== undefined) !== (v.projectEmissionsT !== undefined), {
    message: 'give project sources or projectEmissionsT',
    path: ['project'],
  });
export type EmissionReductionInput = z.input<typeof EmissionReductionInput>;

export interface EmissionReductionResult {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly referenceEmissionsT: string;
  readonly projectEmissionsT: string;
  readonly emissionReductionExactT: string;
  readonly emissionReductionT: string;
  readonly findings: Finding[];
}

const sum = (sources: readonly z.infer<typeof Source>[]) =>
  sources.reduce((a, s) => a.plus(new Decimal(s.activity).times(s.emissionFactor)), new Decimal(0));

// jcm-grants.md §4.1② / plan-forms.md §5.2: ER = RE − PE (Σ activity × EF) for a monitoring period, rounded down to whole tCO2.
/** Emission reduction (排出削減量) of a monitoring period, whole tonnes rounded down; never negative. */
export function calculateEmissionReduction(input: EmissionReductionInput): EmissionReductionResult {
  const v = EmissionReductionInput.parse(input);
  if (compareDates(v.periodEnd, v.periodStart) < 0)
    throw new RangeError('monitoring period ends before it starts');
  const re = v.reference ? sum(v.reference) : new Decimal(v.referenceEmissionsT ?? '0');
  const pe = v.project ? sum(v.project) : new Decimal(v.projectEmissionsT ?? '0');
  const exact = re.minus(pe);
  const findings: Finding[] = [];
  let whole = floorTonnes(exact);
  if (exact.isNegative()) {
    findings.push(
      finding(
        'MRV-ER-1',
        'warning',
        'プロジェクト排出量がリファレンス排出量を上回るため、削減量は0とします。',
        'Project emissions exceed reference emissions: the reduction is zero.',
        'jcm-grants.md §4.1② / plan-forms.md §7.9 V-EFF-1',
      ),
    );
    whole = new Decimal(0);
  }
  return {
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    referenceEmissionsT: re.toFixed(),
    projectEmissionsT: pe.toFixed(),
    emissionReductionExactT: exact.toFixed(),
    emissionReductionT: whole.toFixed(),
    findings,
  };
}
