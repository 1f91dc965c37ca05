import * as z from 'zod';
import { secretString, text } from '../shared/text';
import { MembershipRole, OrganisationType } from '../shared/organisation-type';

/** POST /api/v1/auth/login */
export const LoginRequest = z.object({
  email: z.email().max(254),
  password: secretString({ max: 200 }),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({ accessToken: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** 組織: an organisation as shown to users. */
export const OrganisationView = z.object({
  id: z.uuid(),
  type: OrganisationType,
  nameJa: z.string(),
  nameEn: z.string(),
  country: z.string().length(2),
  prefecture: z.string().nullable(),
  city: z.string().nullable(),
});
export type OrganisationView = z.infer<typeof OrganisationView>;

/** GET /api/v1/me */
export const MeResponse = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
  organisation: OrganisationView,
  role: MembershipRole,
});
export type MeResponse = z.infer<typeof MeResponse>;
