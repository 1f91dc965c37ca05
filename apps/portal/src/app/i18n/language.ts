/** Display languages. Japanese is the source language; English serves partner cities abroad. */
export type Language = 'ja' | 'en';

export function isLanguage(value: unknown): value is Language {
  return value === 'ja' || value === 'en';
}
