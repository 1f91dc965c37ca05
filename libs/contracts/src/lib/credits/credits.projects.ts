import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { ProjectReference } from './credits.primitives';

/** A share of issued credits as a decimal fraction string in [0, 1], at most 4 decimals, e.g. "0.5". */
export const ShareFraction = z
  .string()
  .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'A fraction between 0 and 1 with at most 4 decimals, e.g. "0.5"');

/**
 * NATS `credits.project.register`: the JCM project as the registry knows it. `governmentShare` is the Government
 * of Japan's share of every issuance (日本政府への配分比率); for projects financed by the JCM model-project subsidy
 * it is at least ½ (JCM 設備補助事業 公募要領: 補助事業者は発行量の1/2以上を日本政府に納入).
 */
export const RegisterProjectCommand = z
  .object({
    reference: ProjectReference,
    partnerCountry: z.string().regex(/^[A-Z]{2}$/),
    titleEn: text({ max: 300, kind: 'name' }),
    titleJa: text({ max: 300, kind: 'name' }).optional(),
    methodology: text({ max: 50, kind: 'name' }),
    participantOrgIds: z.array(z.uuid()).min(1).max(20),
    subsidised: z.boolean(),
    governmentShare: ShareFraction,
  })
  .refine((p) => !p.subsidised || shareAtLeastHalf(p.governmentShare), {
    path: ['governmentShare'],
    message: 'A subsidised project gives at least 0.5 of its credits to the Government of Japan',
  });
export type RegisterProjectCommand = z.infer<typeof RegisterProjectCommand>;

export const ProjectView = z.object({
  id: z.uuid(),
  reference: z.string(),
  partnerCountry: z.string(),
  titleEn: z.string(),
  titleJa: z.string().nullable(),
  methodology: z.string(),
  participantOrgIds: z.array(z.uuid()),
  subsidised: z.boolean(),
  governmentShare: z.string(),
  /** Units issued so far; the next issuance starts at issuedUnits + 1. */
  issuedUnits: z.string(),
  createdAt: z.iso.datetime(),
});
export type ProjectView = z.infer<typeof ProjectView>;

export const ListProjectsQuery = PageQuery.extend({
  partnerCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
export type ListProjectsQuery = z.infer<typeof ListProjectsQuery>;
export const ProjectPage = pageOf(ProjectView);
export type ProjectPage = z.infer<typeof ProjectPage>;

/** Compares the fraction string digit-wise with ½ (no float): "1…" or "0.5…"–"0.9…". */
export function shareAtLeastHalf(share: string): boolean {
  return share.startsWith('1') || (share.length > 2 && share[2] >= '5');
}
