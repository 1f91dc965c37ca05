import * as z from 'zod';
import { isIsoDate } from './iso-date';

/** Integer yen, non-negative, a JS safe integer (円). */
export const YenSchema = z
  .number()
  .int()
  .nonnegative()
  .refine((v) => Number.isSafeInteger(v), { message: 'yen must be a safe integer' });

/** Non-negative decimal string for tonnes or factors, e.g. "12340.5". */
export const DecimalStringSchema = z
  .string()
  .max(41, { abort: true })
  .regex(/^\d{1,24}(\.\d{1,16})?$/, {
    message: 'expected a non-negative decimal string (at most 24 digits and 16 decimals)',
    abort: true,
  });

/** A fraction in [0, 1] as a decimal string, e.g. "0.4". */
export const FractionStringSchema = DecimalStringSchema.refine((v) => Number(v) <= 1, 'fraction must be ≤ 1');

export const IsoDateSchema = z
  .string()
  .max(10, { abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a calendar date YYYY-MM-DD', abort: true })
  .refine(isIsoDate, 'expected a calendar date YYYY-MM-DD');

/** Whole count (件数, 年数). */
export const CountSchema = z.number().int().nonnegative();
