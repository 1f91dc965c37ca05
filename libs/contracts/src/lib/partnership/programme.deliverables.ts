import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { sortParam } from './programme.primitives';

/**
 * 成果物 required every contract year (ガイドブック 表3 ①, city-partnerships.md §2.5 ①): the Japanese report on paper
 * (日本語版の報告書（紙媒体）, the 業務報告書 of §2.1), the Japanese and English summaries in PPT (日英の概要版
 * （PPT形式）, one item per language so the partner city can be given the English one) and the electronic media
 * (電子媒体 DVD-R).
 */
export const DeliverableKind = z.enum([
  'WORK_REPORT_JA_PAPER',
  'SUMMARY_PPT_JA',
  'SUMMARY_PPT_EN',
  'ELECTRONIC_MEDIA_DVD_R',
]);
export type DeliverableKind = z.infer<typeof DeliverableKind>;

export const REQUIRED_DELIVERABLES: readonly { kind: DeliverableKind; titleJa: string; titleEn: string }[] = [
  {
    kind: 'WORK_REPORT_JA_PAPER',
    titleJa: '業務報告書（日本語版・紙媒体）',
    titleEn: 'Work report (Japanese, on paper)',
  },
  { kind: 'SUMMARY_PPT_JA', titleJa: '概要版（日本語・PPT形式）', titleEn: 'Summary (Japanese, PPT)' },
  { kind: 'SUMMARY_PPT_EN', titleJa: '概要版（英語・PPT形式）', titleEn: 'Summary (English, PPT)' },
  {
    kind: 'ELECTRONIC_MEDIA_DVD_R',
    titleJa: '電子データ（電子媒体 DVD-R）',
    titleEn: 'Electronic data (DVD-R)',
  },
];

/** 成果物 states: pending → submitted → accepted; a returned item goes back to pending with a comment. */
export const DeliverableState = z.enum(['pending', 'submitted', 'accepted']);
export type DeliverableState = z.infer<typeof DeliverableState>;

export const DeliverableView = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  kind: DeliverableKind,
  titleJa: z.string(),
  titleEn: z.string(),
  required: z.boolean(),
  state: DeliverableState,
  fileRef: z.string().nullable(),
  url: z.string().nullable(),
  note: z.string().nullable(),
  returnComment: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  acceptedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type DeliverableView = z.infer<typeof DeliverableView>;

/** POST /deliverables/:id/submit: the contractor hands the item in (a file reference, a URL, or a note for paper). */
export const SubmitDeliverableCommand = z.object({
  id: z.uuid(),
  fileRef: text({ max: 500, kind: 'name' }).optional(),
  url: z.url().max(2000).optional(),
  note: text({ max: 2000, kind: 'multiline', min: 0 }).optional(),
});
export type SubmitDeliverableCommand = z.infer<typeof SubmitDeliverableCommand>;

export const ReturnDeliverableCommand = z.object({
  id: z.uuid(),
  comment: text({ max: 2000, kind: 'multiline' }),
});
export type ReturnDeliverableCommand = z.infer<typeof ReturnDeliverableCommand>;

export const ListDeliverablesQuery = PageQuery.extend({
  contractId: z.uuid().optional(),
  state: DeliverableState.optional(),
  sort: sortParam(['kind', 'updatedAt'] as const, 'kind'),
});
export type ListDeliverablesQuery = z.infer<typeof ListDeliverablesQuery>;

export const DeliverablePage = pageOf(DeliverableView);
export type DeliverablePage = z.infer<typeof DeliverablePage>;
