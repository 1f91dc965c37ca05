import Decimal from 'decimal.js';

/**
 * Integer yen (円) as a JS safe integer. Money never crosses a boundary as a fraction; arithmetic runs in
 * decimal.js and comes back through floorYen/ceilYen.
 */
export type Yen = number;

export function assertYen(value: number, label = 'amount'): Yen {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${label} must be an integer number of yen, got ${value}`);
  }
  return value;
}

export function isYen(value: unknown): value is Yen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function dec(value: Decimal.Value): Decimal {
  return new Decimal(value);
}

/** Truncate toward −∞ to whole yen (切り捨て). */
export function floorYen(value: Decimal): Yen {
  return assertYen(value.floor().toNumber());
}

/** Round toward +∞ to whole yen (切り上げ). */
export function ceilYen(value: Decimal): Yen {
  return assertYen(value.ceil().toNumber());
}

export function sumYen(values: readonly Yen[]): Yen {
  return assertYen(values.reduce((acc, v) => acc.plus(assertYen(v)), new Decimal(0)).toNumber());
}

/** Exact integer ceiling of a / b for positive b, in bigint: (a + b − 1) / b. plan-forms.md §5.3. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new RangeError('divisor must be positive');
  if (a < 0n) throw new RangeError('dividend must be non-negative');
  return (a + b - 1n) / b;
}
