import { MeResponse, OrganisationType, PartyRef } from '@jcm/contracts';

import { Language, pick } from '../../../i18n/language';
import { groupDigits } from '../../../i18n/number-format';

/** Who the signed-in organisation is in the programme year (city-partnerships.md §1.3). */
export type ProgrammeRole = 'oversight' | 'company' | 'municipality' | 'partner' | 'other';

export function programmeRoleOf(type: OrganisationType | undefined): ProgrammeRole {
  switch (type) {
    case 'MOE':
    case 'SECRETARIAT':
      return 'oversight';
    case 'COMPANY':
      return 'company';
    case 'MUNICIPALITY':
      return 'municipality';
    case 'PARTNER_CITY':
      return 'partner';
    default:
      return 'other';
  }
}

export function canWrite(me: MeResponse | null): boolean {
  return me !== null && me.role !== 'viewer';
}

/** 19,965,000円 / ¥19,965,000: exact integer yen, grouped as text. */
export function yen(amount: number, language: Language): string {
  return language === 'ja' ? `${groupDigits(amount)}円` : `¥${groupDigits(amount)}`;
}

/** '2026-04' → 2026年4月 / Apr 2026. */
export function monthLabel(month: string, language: Language): string {
  const [year, mm] = month.split('-').map(Number);
  if (language === 'ja') return `${year}年${mm}月`;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC', year: 'numeric' }).format(Date.UTC(year, mm - 1, 1));
}

/** 'YYYY-MM-DD' calendar dates are shown as written in the reader's convention, never shifted by a time zone. */
export function calendarDate(date: string, language: Language): string {
  const [year, mm, dd] = date.split('-').map(Number);
  if (!year || !mm || !dd) return date;
  if (language === 'ja') return `${year}年${mm}月${dd}日`;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(year, mm - 1, dd));
}

/** 2026年度 / FY2026 */
export function fiscalYearLabel(fy: number, language: Language): string {
  return language === 'ja' ? `${fy}年度` : `FY${fy}`;
}

export function party(ref: PartyRef, language: Language): string {
  return pick(language, ref.nameJa, ref.nameEn);
}

export function titleOf(record: { titleJa: string; titleEn: string }, language: Language): string {
  return pick(language, record.titleJa, record.titleEn);
}

/** Today as 'YYYY-MM-DD' in the reader's calendar, plus days. */
export function localDate(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}

/** Label groups of the programme's enums in messages.programme.ts (`prog.<group>.<value>`). */
export type LabelGroup = 'callState' | 'proposalState' | 'contractState' | 'reportState' | 'letterState' | 'kind' | 'lead' | 'issuerRole' | 'upcomingKind' | 'costCategory' | 'cityAgreement' | 'novelty' | 'wlb';

/** Integer yen typed by a person: digits only (commas and spaces allowed), never a float. Null when empty, NaN when bad. */
export function parseYen(raw: string): number | null {
  const digits = raw.replace(/[,\s，円¥]/g, '');
  if (digits === '') return null;
  if (!/^\d{1,15}$/.test(digits)) return NaN;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : NaN;
}
