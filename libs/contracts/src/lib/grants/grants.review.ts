import * as z from 'zod';
import { text } from '../shared/text';
import { BASIC_SCREENING_ITEMS } from '@jcm/rules';
import { FractionStringSchema, YenSchema } from '@jcm/rules';

/** The 14 基礎審査 items (jcm-grants §3.1, 別添2 1.), as @jcm/rules names them. */
export const ScreeningItem = z.enum(BASIC_SCREENING_ITEMS);
const Item = ScreeningItem;
const Note = text({ max: 2000, kind: 'multiline', min: 0 }).default('');

/** 基礎審査 (jcm-grants.md §3.1, R-EVAL-01): every one of the 14 items answered pass/fail with a note. */
export const ScreenApplicationCommand = z
  .object({
    id: z.uuid(),
    items: z
      .array(z.object({ item: Item, pass: z.boolean(), note: Note }))
      .length(BASIC_SCREENING_ITEMS.length),
  })
  .refine((v) => new Set(v.items.map((i) => i.item)).size === BASIC_SCREENING_ITEMS.length, {
    path: ['items'],
    message: 'Each of the 14 items exactly once',
  });
export type ScreenApplicationCommand = z.infer<typeof ScreenApplicationCommand>;

const Points = z.number().int().min(0);
/** 評価審査 (jcm-grants.md §3.3, R-EVAL-02): one reviewer's sheet, A(20)+B(30)+C(25)+D(25) + bonus E(10). */
export const ScoreApplicationCommand = z.object({
  id: z.uuid(),
  points: z.object({
    A1: Points,
    A2: Points,
    B1: Points,
    B2: Points,
    B3: Points,
    C: Points,
    D: Points,
    E: Points,
  }),
  comment: Note,
});
export type ScoreApplicationCommand = z.infer<typeof ScoreApplicationCommand>;

/** 差戻し: comments per section of the plan form (section number or field path). */
export const ReturnApplicationCommand = z.object({
  id: z.uuid(),
  comments: z
    .array(
      z.object({
        section: text({ max: 100, kind: 'name' }),
        comment: text({ max: 4000, kind: 'multiline' }),
      }),
    )
    .min(1)
    .max(50),
});
export type ReturnApplicationCommand = z.infer<typeof ReturnApplicationCommand>;

/** 採択 / 交付内示: the rate assigned per technology (≤ its cap) and the maximum subsidy, from the call budget. */
export const AdoptApplicationCommand = z.object({
  id: z.uuid(),
  assignedRates: z
    .array(z.object({ technologyId: text({ max: 100, kind: 'name' }), rate: FractionStringSchema }))
    .min(1),
  maxSubsidyYen: YenSchema.refine((v) => v > 0, 'Must be positive'),
});
export type AdoptApplicationCommand = z.infer<typeof AdoptApplicationCommand>;

export const RejectApplicationCommand = z.object({
  id: z.uuid(),
  reasonJa: text({ max: 4000, kind: 'multiline' }),
  reasonEn: text({ max: 4000, kind: 'multiline', min: 0 }).default(''),
});
export type RejectApplicationCommand = z.infer<typeof RejectApplicationCommand>;

export const ScoreSheetView = z.object({
  reviewerUserId: z.uuid(),
  points: ScoreApplicationCommand.shape.points,
  baseScore: z.number().int(),
  bonus: z.number().int(),
  total: z.number().int(),
  comment: z.string(),
  scoredAt: z.iso.datetime(),
});

export const FieldChange = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof FieldChange>;

export const ReturnView = z.object({
  id: z.uuid(),
  comments: ReturnApplicationCommand.shape.comments,
  returnedAt: z.iso.datetime(),
  fromVersion: z.number().int(),
  resubmittedAt: z.iso.datetime().nullable(),
  toVersion: z.number().int().nullable(),
  /** What the applicant changed between the returned and the resubmitted version. */
  changes: z.array(FieldChange),
  /** 差戻しから再提出までの日数 (applicant turnaround), and submission → return (secretariat turnaround). */
  applicantTurnaroundHours: z.number().nullable(),
  reviewTurnaroundHours: z.number().nullable(),
});

/** GEC / MOE view of an application's review (the applicant sees returns only). */
export const ApplicationReviewView = z.object({
  applicationId: z.uuid(),
  screening: z
    .object({
      passed: z.boolean(),
      items: ScreenApplicationCommand.shape.items,
      screenedAt: z.iso.datetime(),
      failedItems: z.array(z.string()),
    })
    .nullable(),
  scores: z.array(ScoreSheetView),
  averageTotal: z.string().nullable(),
  returns: z.array(ReturnView),
});
export type ApplicationReviewView = z.infer<typeof ApplicationReviewView>;
