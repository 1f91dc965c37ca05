import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { sortParam } from '../partnership/programme.primitives';

/**
 * TPE findings (指摘事項) as data: CAR = corrective action request (是正措置要求), CL = clarification request
 * (明確化要求), FAR = forward action request (次回検証への申し送り). Raised on a project's validation or a
 * report's verification; only when every CAR and CL is RESOLVED can the TPE give its opinion.
 */
export const FindingKind = z.enum(['CAR', 'CL', 'FAR']);
export const FindingSubject = z.enum(['VALIDATION', 'VERIFICATION']);
export const FindingStatus = z.enum(['OPEN', 'RESPONDED', 'RESOLVED']);
export type FindingStatus = z.infer<typeof FindingStatus>;

export const RaiseFindingCommand = z.object({
  subject: FindingSubject,
  /** The project (VALIDATION) or the monitoring report (VERIFICATION). */
  subjectId: z.uuid(),
  kind: FindingKind,
  text: text({ max: 4000, kind: 'multiline' }),
  parameterId: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/)
    .optional(),
});
export type RaiseFindingCommand = z.infer<typeof RaiseFindingCommand>;

export const RespondToFindingCommand = z.object({
  id: z.uuid(),
  text: text({ max: 4000, kind: 'multiline' }),
  evidenceFileIds: z.array(z.uuid()).max(20).default([]),
});
export type RespondToFindingCommand = z.infer<typeof RespondToFindingCommand>;

export const ResolveFindingCommand = z.object({ id: z.uuid(), text: text({ max: 4000, kind: 'multiline' }) });
export type ResolveFindingCommand = z.infer<typeof ResolveFindingCommand>;

export const ListFindingsQuery = PageQuery.extend({
  subjectId: z.uuid().optional(),
  status: FindingStatus.optional(),
  sort: sortParam(['number', 'raisedAt'] as const, 'number'),
});
export type ListFindingsQuery = z.infer<typeof ListFindingsQuery>;

export const FindingView = z.object({
  id: z.uuid(),
  subject: FindingSubject,
  subjectId: z.uuid(),
  /** CAR-01, CL-02, … numbered per subject. */
  number: z.string(),
  kind: FindingKind,
  text: z.string(),
  parameterId: z.string().nullable(),
  raisedByOrgId: z.uuid(),
  status: FindingStatus,
  responses: z.array(
    z.object({
      authorOrgId: z.uuid(),
      kind: z.enum(['RESPONSE', 'RESOLUTION']),
      text: z.string(),
      evidenceFileIds: z.array(z.uuid()),
      createdAt: z.iso.datetime(),
    }),
  ),
  raisedAt: z.iso.datetime(),
});
export type FindingView = z.infer<typeof FindingView>;
export const FindingPage = pageOf(FindingView);
export type FindingPage = z.infer<typeof FindingPage>;
