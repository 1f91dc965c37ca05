import * as z from 'zod';
import { text } from '../shared/text';

/** 協定等の締結状況: a city-to-city agreement concluded (with its type and date), planned, or none. */
export const AgreementStatus = z.enum(['CONCLUDED', 'PLANNED', 'NONE']);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

export const PartnershipAgreement = z
  .object({
    status: AgreementStatus,
    /** e.g. 覚書 (MoU), 協定, 姉妹都市提携 */
    type: text({ max: 100, kind: 'name' }).nullable(),
    date: z.iso.date().nullable(),
  })
  .refine((a) => a.status !== 'CONCLUDED' || (a.type !== null && a.date !== null), {
    path: ['type'],
    message: 'A concluded agreement needs its type and date',
  });
export type PartnershipAgreement = z.infer<typeof PartnershipAgreement>;

const FiscalYear = z.number().int().min(2000).max(2100);

/** PATCH /api/v1/partnerships/:id/agreement (and the NATS command's data, with the id). */
export const UpdatePartnershipAgreementRequest = z.object({
  agreement: PartnershipAgreement,
  /** Fiscal years the pair worked together before this platform recorded it (they count for the 7-year rule). */
  declaredHistoryFiscalYears: z.array(FiscalYear).max(30).optional(),
});
export type UpdatePartnershipAgreementRequest = z.infer<typeof UpdatePartnershipAgreementRequest>;

export const UpdatePartnershipAgreementCommand = z.object({
  partnershipId: z.uuid(),
  agreement: PartnershipAgreement,
  declaredHistoryFiscalYears: z.array(FiscalYear).max(30).optional(),
});
export type UpdatePartnershipAgreementCommand = z.infer<typeof UpdatePartnershipAgreementCommand>;

/** One fiscal year of the pair: a contract on this platform, or a year declared from before it. */
export const PartnershipYear = z.object({
  fiscalYear: FiscalYear,
  source: z.enum(['CONTRACT', 'DECLARED']),
  phase: z.number().int().nullable(),
  yearInPhase: z.number().int().nullable(),
  /** Present only where the caller may open the contract. */
  contractId: z.uuid().nullable(),
  state: z.string().nullable(),
});
export type PartnershipYear = z.infer<typeof PartnershipYear>;

/** GET /api/v1/partnerships/:id/timeline: the pair's years and where it stands on the 7-year rule (7年ルール). */
export const PartnershipTimeline = z.object({
  partnershipId: z.uuid(),
  agreement: PartnershipAgreement,
  years: z.array(PartnershipYear),
  sevenYearRule: z.object({
    nextFiscalYear: FiscalYear,
    countedYearsIfContinued: z.number().int(),
    maxYears: z.number().int(),
    continuationAllowed: z.boolean(),
    findings: z.array(
      z.object({
        ruleId: z.string(),
        severity: z.string(),
        message_ja: z.string(),
        message_en: z.string(),
        source: z.string(),
      }),
    ),
  }),
});
export type PartnershipTimeline = z.infer<typeof PartnershipTimeline>;
