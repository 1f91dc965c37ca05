/** Display languages. Japanese is the source language; English serves partner cities abroad. */
export type Language = 'ja' | 'en';

export const LANGUAGES: readonly Language[] = ['ja', 'en'];

export function isLanguage(value: unknown): value is Language {
  return value === 'ja' || value === 'en';
}

/** Names in the contracts come in pairs (`nameJa`/`nameEn`, `titleJa`/`titleEn`). */
export function pick(language: Language, ja: string, en: string): string {
  return language === 'ja' ? ja : en;
}
