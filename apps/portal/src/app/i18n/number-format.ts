/**
 * Thousands separators for exact figures. Yen arrive as integers and tonnes as decimal strings; both are grouped
 * as text, never through a float, so 10000000000000001 stays exact. Japanese and English both use `,`.
 */
const DECIMAL = /^(-?)(\d+)(\.\d+)?$/;

export function groupDigits(value: string | number | bigint): string {
  const text = typeof value === 'string' ? value.trim() : value.toString();
  const match = DECIMAL.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

/** Whole-number string as typed by a person (`1,200`, ` 1200 `) → `1200`, or null when it is not one. */
export function wholeNumberText(input: string): string | null {
  const text = input.replace(/[,\s，]/g, '');
  return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : null;
}

/** Decimal string as typed (`12,340.5`) → `12340.5`, or null. */
export function decimalText(input: string): string | null {
  const text = input.replace(/[,\s，]/g, '');
  return /^\d+(\.\d+)?$/.test(text) ? text : null;
}
