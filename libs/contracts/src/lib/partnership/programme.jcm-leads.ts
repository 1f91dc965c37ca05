import * as z from 'zod';
import { decimalString, text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { sortParam, YenAmount } from './programme.primitives';

/** 出口戦略 / JCM pipeline status, city-partnerships.md §6.8 (grant_decided and other_exit end this record). */
export const JcmLeadStatus = z.enum([
  'identified',
  'feasibility',
  'jcm_subsidy_applied',
  'grant_decided',
  'other_exit',
]);
export type JcmLeadStatus = z.infer<typeof JcmLeadStatus>;

/** Allowed next statuses (§6.8): alternatives leave from feasibility; dropping is possible before applying. */
export const JCM_LEAD_NEXT: Record<JcmLeadStatus, readonly JcmLeadStatus[]> = {
  identified: ['feasibility', 'other_exit'],
  feasibility: ['jcm_subsidy_applied', 'other_exit'],
  jcm_subsidy_applied: ['grant_decided', 'other_exit'],
  grant_decided: [],
  other_exit: [],
};

/** POST /partnerships/:id/jcm-leads: a JCM project found through the city partnership (案件発掘). */
export const RecordJcmLeadCommand = z.object({
  partnershipId: z.uuid(),
  contractId: z.uuid().optional(),
  titleJa: text({ max: 300, kind: 'name' }),
  titleEn: text({ max: 300, kind: 'name' }),
  technology: text({ max: 300, kind: 'name' }),
  /** Estimated reduction, tCO2/yr, as a decimal string (never a float). */
  estimatedTco2PerYear: decimalString({ maxDigits: 12, maxFraction: 4 }),
  estimatedCostYen: YenAmount,
  consortium: z
    .array(
      z.object({
        name: text({ max: 200, kind: 'name' }),
        role: text({ max: 100, kind: 'multiline', min: 0 }),
        country: z
          .string()
          .length(2)
          .regex(/^[A-Z]{2}$/),
      }),
    )
    .max(30)
    .default([]),
});
export type RecordJcmLeadCommand = z.infer<typeof RecordJcmLeadCommand>;

export const AdvanceJcmLeadCommand = z.object({
  id: z.uuid(),
  status: JcmLeadStatus,
  note: text({ max: 2000, kind: 'multiline', min: 0 }).optional(),
});
export type AdvanceJcmLeadCommand = z.infer<typeof AdvanceJcmLeadCommand>;

export const JcmLeadView = RecordJcmLeadCommand.extend({
  id: z.uuid(),
  contractId: z.uuid().nullable(),
  status: JcmLeadStatus,
  statusNote: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type JcmLeadView = z.infer<typeof JcmLeadView>;

export const ListJcmLeadsQuery = PageQuery.extend({
  partnershipId: z.uuid().optional(),
  status: JcmLeadStatus.optional(),
  sort: sortParam(['createdAt', 'estimatedCostYen'] as const, '-createdAt'),
});
export type ListJcmLeadsQuery = z.infer<typeof ListJcmLeadsQuery>;

export const JcmLeadPage = pageOf(JcmLeadView);
export type JcmLeadPage = z.infer<typeof JcmLeadPage>;
