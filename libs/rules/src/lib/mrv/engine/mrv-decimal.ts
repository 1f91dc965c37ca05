import Decimal from 'decimal.js';

/**
 * The MRV engine's own decimal constructor (算定用10進数): 40 significant digits (≥ 34, IEEE decimal128's
 * precision) and banker's rounding for the inexact quotients of ÷, so a result never depends on binary floats.
 * A clone, so the global `Decimal` configuration other rules rely on is never touched. Exponent notation is
 * switched off for `toString()`; the trace uses `toFixed()` anyway.
 */
export const MrvDecimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type MrvDecimal = InstanceType<typeof MrvDecimal>;

/** Plain decimal literal: optional minus, digits, optional fraction. No exponent, no hex, no Infinity or NaN. */
export const DECIMAL_LITERAL_RE = /^-?\d+(\.\d+)?$/;

export function isDecimalLiteral(text: string): boolean {
  return DECIMAL_LITERAL_RE.test(text);
}

/** Parse a decimal string exactly; refuses anything that is not a plain decimal literal. */
export function mrvDecimal(text: string): MrvDecimal {
  if (!isDecimalLiteral(text)) throw new RangeError(`expected a decimal string, got "${text}"`);
  return new MrvDecimal(text);
}

/** The one text form of a decimal everywhere in results and traces: no exponent, no trailing zeros, no "-0". */
export function decimalText(value: MrvDecimal): string {
  return value.isZero() ? '0' : value.toFixed();
}
