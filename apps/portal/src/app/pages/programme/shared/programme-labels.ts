import { OrganisationType } from '@jcm/contracts';

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

/** Today as 'YYYY-MM-DD' in the reader's calendar, plus days. */
export function localDate(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}

/** Integer yen typed by a person: digits only (commas and spaces allowed), never a float. Null when empty, NaN when bad. */
export function parseYen(raw: string): number | null {
  const digits = raw.replace(/[,\s，円¥]/g, '');
  if (digits === '') return null;
  if (!/^\d{1,15}$/.test(digits)) return NaN;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : NaN;
}
