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
