/**
 * A preset value the source documents leave out (資料に記載なし). Functions that need it report a finding
 * instead of inventing a number.
 */
export interface DocumentGap {
  readonly gap: true;
  readonly reason: string;
  readonly source: string;
}

export type PresetValue<T> = T | DocumentGap;

export function documentGap(reason: string, source: string): DocumentGap {
  return { gap: true, reason, source };
}

export function isGap<T>(value: PresetValue<T>): value is DocumentGap {
  return typeof value === 'object' && value !== null && (value as { gap?: unknown }).gap === true;
}
