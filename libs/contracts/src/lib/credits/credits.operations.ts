import * as z from 'zod';
import { text } from '../shared/text';
import { AccountNumber, IsoDate, RegistryCode, Vintage, WholeTonnes } from './credits.primitives';
import { CreditBlockView } from './credits.blocks';

/** Where the participants' part of an issuance goes; `quantity` may be omitted when there is one account. */
export const ParticipantAllocation = z.object({ accountId: z.uuid(), quantity: WholeTonnes.optional() });
export type ParticipantAllocation = z.infer<typeof ParticipantAllocation>;

/**
 * NATS `credits.issuance.create`: 発行 of credits for one monitoring period, as decided by the Joint Committee
 * (合同委員会). The Government of Japan's share goes to the registry's GOVERNMENT_HOLDING account, the rest to the
 * participants' accounts. Recorded by the registry manager (MOE for Japan's registry).
 */
export const CreateIssuanceCommand = z
  .object({
    projectId: z.uuid(),
    registry: RegistryCode.default('JP'),
    monitoringPeriod: z.object({ start: IsoDate, end: IsoDate }),
    jointCommitteeDecisionRef: text({ max: 100, kind: 'name' }),
    vintage: Vintage,
    quantity: WholeTonnes,
    participantAllocations: z.array(ParticipantAllocation).min(1).max(20),
  })
  .refine((c) => c.monitoringPeriod.start <= c.monitoringPeriod.end, {
    path: ['monitoringPeriod', 'end'],
    message: 'Must not be before the start',
  })
  .refine((c) => c.participantAllocations.length === 1 || c.participantAllocations.every((a) => a.quantity), {
    path: ['participantAllocations'],
    message: 'With several participant accounts, give each a quantity',
  });
export type CreateIssuanceCommand = z.infer<typeof CreateIssuanceCommand>;

export const IssuanceView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectReference: z.string(),
  registry: RegistryCode,
  vintage: z.number().int(),
  monitoringPeriod: z.object({ start: IsoDate, end: IsoDate }),
  jointCommitteeDecisionRef: z.string(),
  quantity: z.string(),
  governmentQuantity: z.string(),
  participantQuantity: z.string(),
  blocks: z.array(CreditBlockView),
  journalSeq: z.string(),
  createdAt: z.iso.datetime(),
});
export type IssuanceView = z.infer<typeof IssuanceView>;

/** NATS `credits.transfer.create`: 移転 between two holding accounts of the same registry. */
export const CreateTransferCommand = z.object({
  fromAccountId: z.uuid(),
  toAccountNumber: AccountNumber,
  quantity: WholeTonnes,
  /** Optimistic check: refuse with CONFLICT if the source account changed since the caller read it. */
  expectedFromVersion: z.number().int().nonnegative().optional(),
});
export type CreateTransferCommand = z.infer<typeof CreateTransferCommand>;

/** 償却 purposes: towards Japan's NDC, voluntary offsetting, or another stated use. */
export const RetirementPurpose = z.enum(['NDC_ACHIEVEMENT', 'VOLUNTARY_OFFSET', 'OTHER']);
export type RetirementPurpose = z.infer<typeof RetirementPurpose>;

/** NATS `credits.retirement.create`: 償却. Retired credits rest in the registry's RETIREMENT account for good. */
export const CreateRetirementCommand = z.object({
  fromAccountId: z.uuid(),
  quantity: WholeTonnes,
  purpose: RetirementPurpose,
  beneficiary: text({ max: 200, kind: 'name' }),
  note: text({ max: 500, kind: 'multiline', min: 0 }).optional(),
  expectedFromVersion: z.number().int().nonnegative().optional(),
});
export type CreateRetirementCommand = z.infer<typeof CreateRetirementCommand>;

/** NATS `credits.cancellation.create`: 取消 (voluntary cancellation); the credits never move again. */
export const CreateCancellationCommand = z.object({
  fromAccountId: z.uuid(),
  quantity: WholeTonnes,
  reason: text({ max: 500, kind: 'multiline' }),
  expectedFromVersion: z.number().int().nonnegative().optional(),
});
export type CreateCancellationCommand = z.infer<typeof CreateCancellationCommand>;

export const MovementKind = z.enum(['TRANSFER', 'RETIREMENT', 'CANCELLATION']);
export type MovementKind = z.infer<typeof MovementKind>;

/** Result of a transfer, retirement or cancellation: what moved, by serial, and the journal entry that records it. */
export const MovementView = z.object({
  id: z.uuid(),
  kind: MovementKind,
  fromAccountId: z.uuid(),
  toAccountId: z.uuid(),
  toAccountNumber: z.string(),
  quantity: z.string(),
  serials: z.array(z.object({ serial: z.string(), quantity: z.string() })),
  retirement: z
    .object({ purpose: RetirementPurpose, beneficiary: z.string(), note: z.string().nullable() })
    .nullable(),
  cancellationReason: z.string().nullable(),
  journalSeq: z.string(),
  journalHash: z.string(),
  createdAt: z.iso.datetime(),
});
export type MovementView = z.infer<typeof MovementView>;
