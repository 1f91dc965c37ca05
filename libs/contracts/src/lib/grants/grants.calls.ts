import * as z from 'zod';
import { text } from '../shared/text';
import { CountSchema, YenSchema } from '@jcm/rules';
import { pageOf, PageQuery } from '../shared/page';
import { sortParam } from '../partnership/programme.primitives';

/** JCM設備補助 公募 states (jcm-grants.md §5): GEC drafts, publishes, closes. */
export const GrantCallState = z.enum(['draft', 'published', 'closed']);
export type GrantCallState = z.infer<typeof GrantCallState>;

export const GRANT_CALL_TRANSITIONS = {
  publish: { from: ['draft'], to: 'published' },
  close: { from: ['published'], to: 'closed' },
} as const satisfies Record<string, { from: readonly GrantCallState[]; to: GrantCallState }>;
export type GrantCallAction = keyof typeof GRANT_CALL_TRANSITIONS;
export const GrantCallAction = z.enum(['publish', 'close']);

/** Presets of @jcm/rules a JCM call may start from (公募要領 令和3〜5年度). */
export const JcmPresetId = z.enum(['JCM_SUBSIDY_FY2021_23']);
export type JcmPresetId = z.infer<typeof JcmPresetId>;

const Country = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2');
/** Technology keys of 別添3 (SOLAR_PV, SMALL_HYDRO, CHILLER, …). */
export const TechnologyKey = z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, 'UPPER_SNAKE technology key');

/**
 * What a call changes against its preset: only these values (every other number is the preset's). The 別添3
 * counts merge per technology × country over the preset's, so GEC can add a country the preset does not know.
 */
export const JcmPresetOverrides = z
  .object({
    perProjectGuidelineYen: YenSchema.optional(),
    priorityCountries: z.array(Country).max(100).optional(),
    adoptionHoldCountries: z.array(Country).max(100).optional(),
    similarProjectCounts: z.record(TechnologyKey, z.record(Country, CountSchema)).optional(),
  })
  .strict();
export type JcmPresetOverrides = z.infer<typeof JcmPresetOverrides>;

/** POST /grants/calls: a JCM call (公募) with its preset, window and budget. */
export const CreateGrantCallCommand = z
  .object({
    fiscalYear: z.number().int().min(2013).max(2100),
    titleJa: text({ max: 300, kind: 'name' }),
    titleEn: text({ max: 300, kind: 'name' }),
    presetId: JcmPresetId.default('JCM_SUBSIDY_FY2021_23'),
    overrides: JcmPresetOverrides.default({}),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    /** 一次採択分の受付期限 (公募要領 3.(2)), optional. */
    firstBatchReceivedBy: z.iso.date().optional(),
    budgetYen: YenSchema.refine((v) => v > 0, 'Must be positive'),
    /** 評価審査の審査員: SECRETARIAT users assigned to this call (score only by them). */
    reviewerUserIds: z.array(z.uuid()).max(50).default([]),
  })
  .refine((v) => Date.parse(v.closesAt) > Date.parse(v.opensAt), {
    path: ['closesAt'],
    message: 'Must be after opensAt',
  });
export type CreateGrantCallCommand = z.infer<typeof CreateGrantCallCommand>;

export const GrantCallView = z.object({
  id: z.uuid(),
  fiscalYear: z.number().int(),
  titleJa: z.string(),
  titleEn: z.string(),
  presetId: JcmPresetId,
  overrides: JcmPresetOverrides,
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  firstBatchReceivedBy: z.string().nullable(),
  budgetYen: z.number().int(),
  adoptedYen: z.number().int(),
  budgetRemainingYen: z.number().int(),
  reviewerUserIds: z.array(z.uuid()),
  formVersion: z.number().int(),
  state: GrantCallState,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type GrantCallView = z.infer<typeof GrantCallView>;

export const GrantCallTransitionCommand = z.object({ id: z.uuid(), action: GrantCallAction });
export type GrantCallTransitionCommand = z.infer<typeof GrantCallTransitionCommand>;

export const AssignReviewersCommand = z.object({
  id: z.uuid(),
  reviewerUserIds: z.array(z.uuid()).min(1).max(50),
});
export type AssignReviewersCommand = z.infer<typeof AssignReviewersCommand>;

export const ListGrantCallsQuery = PageQuery.extend({
  fiscalYear: z.coerce.number().int().optional(),
  state: GrantCallState.optional(),
  sort: sortParam(['createdAt', 'closesAt', 'fiscalYear'] as const, '-createdAt'),
});
export type ListGrantCallsQuery = z.infer<typeof ListGrantCallsQuery>;

export const GrantCallPage = pageOf(GrantCallView);
export type GrantCallPage = z.infer<typeof GrantCallPage>;

/** The public list (no sign-in): open calls, and each call's adopted projects (採択案件一覧, jcm-grants §3.4). */
export const PublicGrantCall = GrantCallView.pick({
  id: true,
  fiscalYear: true,
  titleJa: true,
  titleEn: true,
  opensAt: true,
  closesAt: true,
  state: true,
}).extend({
  adopted: z.array(
    z.object({
      titleJa: z.string(),
      titleEn: z.string(),
      representativeJa: z.string(),
      countries: z.array(z.string()),
      adoptedOn: z.string(),
    }),
  ),
});
export const PublicGrantCallList = z.object({ items: z.array(PublicGrantCall) });
export type PublicGrantCallList = z.infer<typeof PublicGrantCallList>;
