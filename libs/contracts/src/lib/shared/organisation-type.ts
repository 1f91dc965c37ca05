import * as z from 'zod';

/** 組織種別: the tenants of the platform (DESIGN §5). */
export const OrganisationType = z.enum([
  'MOE',
  'SECRETARIAT',
  'MUNICIPALITY',
  'PARTNER_CITY',
  'COMPANY',
  'TPE',
  'PARTNER_GOVERNMENT',
]);
export type OrganisationType = z.infer<typeof OrganisationType>;

/** Organisation types that oversee the whole programme and see every record. */
export const OVERSIGHT_ORG_TYPES: readonly OrganisationType[] = ['MOE', 'SECRETARIAT'];

/** 権限: a user's role inside their own organisation. */
export const MembershipRole = z.enum(['admin', 'editor', 'viewer']);
export type MembershipRole = z.infer<typeof MembershipRole>;
