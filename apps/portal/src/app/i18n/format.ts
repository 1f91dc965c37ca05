import { Language } from './language';

const LOCALES: Record<Language, string> = { en: 'en-GB', ja: 'ja-JP' };

/** ISO 3166-1 alpha-2 → タイ / Thailand; falls back to the code itself. */
export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([LOCALES[language]], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
