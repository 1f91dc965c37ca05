import { Language } from './language';

const LOCALES: Record<Language, string> = { en: 'en-GB', ja: 'ja-JP' };

/** 2026年4月1日 / 1 Apr 2026, in the reader's time zone. */
export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** ISO 3166-1 alpha-2 → タイ / Thailand; falls back to the code itself. */
export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([LOCALES[language]], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
