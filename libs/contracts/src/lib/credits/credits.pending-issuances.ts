import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { IssuanceView, ParticipantAllocation } from './credits.operations';
import { IsoDate, RegistryCode, Vintage } from './credits.primitives';

/**
 * 発行待ち: an issuance prepared from `mrv.monitoring-report.verified` (DESIGN §4: mrv report verified → credits
 * issues). Nothing is issued until the registry manager confirms it with the Joint Committee's decision.
 */
export const PendingIssuanceStatus = z.enum(['PENDING', 'CONFIRMED', 'REJECTED']);
export type PendingIssuanceStatus = z.infer<typeof PendingIssuanceStatus>;

export const PendingIssuanceView = z.object({
  id: z.uuid(),
  monitoringReportId: z.uuid(),
  sourceEventId: z.uuid(),
  projectReference: z.string(),
  /** The registry's project of that reference, once registered (null until then: confirm is refused). */
  projectId: z.uuid().nullable(),
  registry: RegistryCode,
  monitoringPeriod: z.object({ start: IsoDate, end: IsoDate }),
  /** Verified emission reductions, whole tCO2: the quantity a confirmation issues. */
  quantity: z.string(),
  /** Year the monitoring period ends in; a confirmation may name another. */
  suggestedVintage: z.number().int(),
  tpeOrgId: z.uuid(),
  verificationDate: IsoDate,
  status: PendingIssuanceStatus,
  issuanceId: z.uuid().nullable(),
  rejectionReason: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type PendingIssuanceView = z.infer<typeof PendingIssuanceView>;

export const ListPendingIssuancesQuery = PageQuery.extend({ status: PendingIssuanceStatus.optional() });
export type ListPendingIssuancesQuery = z.infer<typeof ListPendingIssuancesQuery>;
export const PendingIssuancePage = pageOf(PendingIssuanceView);
export type PendingIssuancePage = z.infer<typeof PendingIssuancePage>;

/** NATS `credits.issuance.confirm`: performs the normal issuance (`credits.issuance.create`) in one transaction. */
export const ConfirmPendingIssuanceCommand = z.object({
  id: z.uuid(),
  jointCommitteeDecisionRef: text({ max: 100, kind: 'name' }),
  vintage: Vintage.optional(),
  participantAllocations: z.array(ParticipantAllocation).min(1).max(20),
});
export type ConfirmPendingIssuanceCommand = z.infer<typeof ConfirmPendingIssuanceCommand>;

/** NATS `credits.issuance.reject`. */
export const RejectPendingIssuanceCommand = z.object({
  id: z.uuid(),
  reason: text({ max: 500, kind: 'multiline' }),
});
export type RejectPendingIssuanceCommand = z.infer<typeof RejectPendingIssuanceCommand>;

export const ConfirmedIssuance = z.object({ pendingIssuance: PendingIssuanceView, issuance: IssuanceView });
export type ConfirmedIssuance = z.infer<typeof ConfirmedIssuance>;
