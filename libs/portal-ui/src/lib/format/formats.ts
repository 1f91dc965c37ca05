import { eraYearOfDate, fiscalYearLabelJa } from '@jcm/rules';

import { UiLanguage } from '../i18n/ui-translator';

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

/**
 * 19,965,000円 / ¥19,965,000: integer yen only. A fraction or anything not an integer is shown as it came, never
 * rounded: a yen amount with a fraction is a bug upstream, and hiding it would be worse.
 */
export function yen(amount: number | bigint | string, language: UiLanguage): string {
  const text = typeof amount === 'string' ? amount.trim() : amount.toString();
  if (!/^-?\d+$/.test(text)) return text;
  return language === 'ja' ? `${groupDigits(text)}円` : `¥${groupDigits(text)}`;
}

const LOCALES: Record<UiLanguage, string> = { en: 'en-GB', ja: 'ja-JP' };
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** How a date is written: the day, the day in 和暦 (Japanese only; English stays Gregorian), or day and time. */
export type DateStyle = 'date' | 'era' | 'datetime';

/**
 * 'YYYY-MM-DD' calendar dates are shown as written, never shifted by a time zone: 2026年4月1日 / 1 Apr 2026, or
 * with `era` 令和8年4月1日. ISO timestamps (`2026-04-01T09:30:00Z`) are shown in the reader's time zone; with `date`
 * only their day. Anything else is shown unchanged.
 */
export function formatDate(value: string, language: UiLanguage, style: DateStyle = 'date'): string {
  const calendar = CALENDAR_DATE.exec(value);
  if (calendar) {
    const [year, mm, dd] = calendar.slice(1).map(Number);
    if (language === 'ja') {
      if (style === 'era' && year >= 1927) {
        const era = eraYearOfDate(value);
        return `${era.era}${era.year === 1 ? '元' : era.year}年${mm}月${dd}日`;
      }
      return `${year}年${mm}月${dd}日`;
    }
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.UTC(year, mm - 1, dd),
    );
  }
  const instant = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(instant.getTime())) return value;
  if (style === 'datetime')
    return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short' }).format(
      instant,
    );
  const day = new Intl.DateTimeFormat('en-CA', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    instant,
  );
  return formatDate(day, language, style);
}

/** '2026-04' → 2026年4月 / Apr 2026. */
export function monthLabel(month: string, language: UiLanguage): string {
  const [year, mm] = month.split('-').map(Number);
  if (!year || !mm) return month;
  if (language === 'ja') return `${year}年${mm}月`;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC', year: 'numeric' }).format(
    Date.UTC(year, mm - 1, 1),
  );
}

/** 2026年度 / FY2026; with `era` 令和8年度 as the documents write it. */
export function fiscalYearLabel(fiscalYear: number, language: UiLanguage, era = false): string {
  if (language === 'en') return `FY${fiscalYear}`;
  return era ? fiscalYearLabelJa(fiscalYear) : `${fiscalYear}年度`;
}
