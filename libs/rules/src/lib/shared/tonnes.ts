import Decimal from 'decimal.js';

/** Tonnes of CO2 (tCO2 / tCO2e) as a decimal string on the wire, decimal.js inside. */
export type TonnesString = string;

const TONNES_RE = /^-?\d+(\.\d+)?$/;

export function parseTonnes(value: TonnesString | number, label = 'tonnes'): Decimal {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!TONNES_RE.test(text)) throw new RangeError(`${label} must be a decimal number, got "${value}"`);
  return new Decimal(text);
}

/** Whole tonnes, rounded down (小数点以下切り捨て). Reductions are never rounded up. */
export function floorTonnes(value: Decimal): Decimal {
  return value.floor();
}

export function formatTonnes(value: Decimal): TonnesString {
  return value.toFixed();
}
