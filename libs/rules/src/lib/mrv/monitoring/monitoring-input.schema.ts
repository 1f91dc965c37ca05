import * as z from 'zod';
import { SignedDecimalString } from '../methodology/methodology.schema';
import { CalendarDateSchema as IsoDateSchema } from './day-number';

/** One value of a series parameter: a meter (計量器) over a span of days, usually a calendar month. */
export const SeriesEntry = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  value: SignedDecimalString,
  // One line, no control characters: a meter id is printed in the trace (the contracts' string rule, here in plain zod).
  meter: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[^\p{Cc}]+$/u, 'A meter id is one line without control characters')
    .optional(),
});
export type SeriesEntry = z.infer<typeof SeriesEntry>;

/** A scalar parameter's value is a decimal string; a series parameter's is a list of entries. */
export const ParameterValue = z.union([SignedDecimalString, z.array(SeriesEntry).max(10_000)]);
export type ParameterValue = z.infer<typeof ParameterValue>;

/** A monitoring period (モニタリング期間), both dates inclusive. */
export const MonitoringPeriod = z.object({ start: IsoDateSchema, end: IsoDateSchema });
export type MonitoringPeriod = z.infer<typeof MonitoringPeriod>;

/**
 * Input of one technology's monitoring period: the period, the parameter values (monitored, and fixed ex ante
 * where the project's value differs from the methodology default), and the project's earlier periods, which
 * this one must not overlap (jcm-grants.md §6.3: periods follow one another).
 */
export const MonitoringPeriodInput = z.object({
  period: MonitoringPeriod,
  values: z.record(z.string(), ParameterValue),
  earlierPeriods: z
    .array(MonitoringPeriod.extend({ label: z.string().max(200).optional() }))
    .max(1000)
    .optional(),
});
export type MonitoringPeriodInput = z.infer<typeof MonitoringPeriodInput>;

/**
 * A parameter's value in the input, own properties only: a parameter named like an Object.prototype member
 * ("constructor", "toString") must read as missing, not as the inherited function.
 */
export function parameterValue(
  values: MonitoringPeriodInput['values'],
  id: string,
): ParameterValue | undefined {
  return Object.hasOwn(values, id) ? values[id] : undefined;
}
