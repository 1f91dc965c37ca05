import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { FiscalYear, CalendarDate, sortParam } from './programme.primitives';

/** 公募 (call round) states, city-partnerships.md §6.1. */
export const CallState = z.enum(['draft', 'published', 'closed', 'under_review', 'results_published']);
export type CallState = z.infer<typeof CallState>;

/** Transitions of a call: verb → allowed from-states and the resulting state (§6.1). */
export const CALL_TRANSITIONS = {
  publish: { from: ['draft'], to: 'published' },
  close: { from: ['published'], to: 'closed' },
  review: { from: ['closed'], to: 'under_review' },
  'publish-results': { from: ['under_review'], to: 'results_published' },
} as const satisfies Record<string, { from: readonly CallState[]; to: CallState }>;
export type CallAction = keyof typeof CALL_TRANSITIONS;
export const CallAction = z.enum(Object.keys(CALL_TRANSITIONS) as [CallAction, ...CallAction[]]);

/** Presets known to @jcm/rules that a call may apply (the FY2026 first call). */
export const C3pPresetId = z.enum(['C3P_FY2026_CALL1']);
export type C3pPresetId = z.infer<typeof C3pPresetId>;

/** POST /calls and NATS `partnership.call.create`. */
export const CreateCallCommand = z
  .object({
    fiscalYear: FiscalYear,
    round: z.number().int().min(1).max(5),
    titleJa: text({ max: 300, kind: 'name' }),
    titleEn: text({ max: 300, kind: 'name' }),
    presetId: C3pPresetId.default('C3P_FY2026_CALL1'),
    opensOn: CalendarDate,
    closesOn: CalendarDate,
    /** 月次報告の提出日: the documents give none (§6.5 [I]); the 10th of the following month by default. */
    monthlyReportDueDay: z.number().int().min(1).max(31).default(10),
  })
  .refine((v) => v.closesOn >= v.opensOn, { path: ['closesOn'], message: 'Must not be before opensOn' });
export type CreateCallCommand = z.infer<typeof CreateCallCommand>;

export const CallView = z.object({
  id: z.uuid(),
  fiscalYear: z.number().int(),
  round: z.number().int(),
  titleJa: z.string(),
  titleEn: z.string(),
  presetId: C3pPresetId,
  opensOn: z.string(),
  closesOn: z.string(),
  monthlyReportDueDay: z.number().int(),
  state: CallState,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CallView = z.infer<typeof CallView>;

export const CallTransitionCommand = z.object({ id: z.uuid(), action: CallAction });
export type CallTransitionCommand = z.infer<typeof CallTransitionCommand>;

export const ListCallsQuery = PageQuery.extend({
  fiscalYear: z.coerce.number().int().optional(),
  state: CallState.optional(),
  sort: sortParam(['createdAt', 'fiscalYear', 'closesOn'] as const, '-createdAt'),
});
export type ListCallsQuery = z.infer<typeof ListCallsQuery>;

export const CallPage = pageOf(CallView);
export type CallPage = z.infer<typeof CallPage>;
