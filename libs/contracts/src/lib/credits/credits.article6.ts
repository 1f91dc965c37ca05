import * as z from 'zod';
import { text } from '../shared/text';
import { IsoDate, RegistryCode } from './credits.primitives';

/**
 * Article 6.2 attributes of credit blocks (Decision 2/CMA.3, annex; DESIGN §2 "Article 6 authorisation and
 * corresponding-adjustment flags").
 *
 * - `authorisedUse`: what the unit is authorised for: use towards an NDC, other international mitigation purposes
 *   (OIMP, e.g. CORSIA), or not (yet) authorised (`NONE`, a mitigation contribution only).
 * - `firstTransferDefinition` / `firstTransferredAt`: when the unit was "first transferred" (annex ¶2(b)): for units
 *   authorised for NDC use, its first international transfer; for OIMP units, the event the first transferring
 *   party specified: authorisation, issuance, or use/cancellation. This ledger's reading: a block held in a registry
 *   other than its project's host country (e.g. an MN project's units in Japan's `JP` registry) has already left
 *   the host side, so NDC authorisation records the first transfer at that moment; a block held in the host
 *   country's own registry stays "not yet first transferred" until it leaves that registry side.
 * - `correspondingAdjustment`: whether, and on which date, the registry manager recorded the corresponding
 *   adjustment (相当調整) for the unit.
 *
 * Units with different attributes are never merged into one block; a command on part of a block splits it.
 */
export const AuthorisedUse = z.enum(['NDC', 'OIMP', 'NONE']);
export type AuthorisedUse = z.infer<typeof AuthorisedUse>;

export const FirstTransferDefinition = z.enum([
  'INTERNATIONAL_TRANSFER',
  'AUTHORISATION',
  'ISSUANCE',
  'USE_OR_CANCELLATION',
]);
export type FirstTransferDefinition = z.infer<typeof FirstTransferDefinition>;

/** What an OIMP authorisation may name as its first transfer (annex ¶2(b)). */
export const OimpFirstTransfer = z.enum(['AUTHORISATION', 'ISSUANCE', 'USE_OR_CANCELLATION']);
export type OimpFirstTransfer = z.infer<typeof OimpFirstTransfer>;

export const Article6Attributes = z.object({
  authorisedUse: AuthorisedUse,
  authorisationRef: z.string().nullable(),
  authorisedAt: z.iso.datetime().nullable(),
  firstTransferDefinition: FirstTransferDefinition.nullable(),
  firstTransferredAt: z.iso.datetime().nullable(),
  correspondingAdjustment: z.object({
    applied: z.boolean(),
    appliedOn: IsoDate.nullable(),
    reference: z.string().nullable(),
  }),
});
export type Article6Attributes = z.infer<typeof Article6Attributes>;

/** A unit number of a project (units are numbered per project from 1), as a decimal string. */
export const UnitNumber = z.string().regex(/^[1-9]\d{0,15}$/, 'A unit number, e.g. "5001"');

const UnitRange = z.object({
  projectId: z.uuid(),
  registry: RegistryCode.default('JP'),
  firstUnit: UnitNumber,
  lastUnit: UnitNumber,
});

const rangeInOrder = (r: { firstUnit: string; lastUnit: string }) =>
  BigInt(r.firstUnit) <= BigInt(r.lastUnit);
const rangeMessage = { path: ['lastUnit'], message: 'Must not be below firstUnit' };

/**
 * NATS `credits.block.authorise`: the registry manager (MOE for Japan's registry) records the Article 6
 * authorisation of units `firstUnit`–`lastUnit` of a project held in its registry. Only ACTIVE, not yet authorised
 * units; blocks partly covered are split at the range's edges.
 */
export const AuthoriseBlocksCommand = UnitRange.extend({
  authorisedUse: z.enum(['NDC', 'OIMP']),
  /** The authorisation statement or letter, e.g. "MN-LoA-2025-003". */
  authorisationRef: text({ max: 100, kind: 'name' }),
  /** For OIMP only: which event counts as first transfer (required for OIMP, refused for NDC). */
  oimpFirstTransfer: OimpFirstTransfer.optional(),
})
  .refine(rangeInOrder, rangeMessage)
  .refine((c) => (c.authorisedUse === 'OIMP') === (c.oimpFirstTransfer !== undefined), {
    path: ['oimpFirstTransfer'],
    message: 'Give it for an OIMP authorisation, and only then',
  });
export type AuthoriseBlocksCommand = z.infer<typeof AuthoriseBlocksCommand>;

/**
 * NATS `credits.block.corresponding-adjustment`: the registry manager records that the corresponding adjustment
 * for authorised units was applied on `appliedOn`. Units that are not authorised are refused; a retired or
 * cancelled block is never split, so the range must cover such blocks whole.
 */
export const ApplyCorrespondingAdjustmentCommand = UnitRange.extend({
  appliedOn: IsoDate,
  /** Where the adjustment is reported, e.g. "BTR1 structured summary 2026". */
  reference: text({ max: 200, kind: 'name' }),
}).refine(rangeInOrder, rangeMessage);
export type ApplyCorrespondingAdjustmentCommand = z.infer<typeof ApplyCorrespondingAdjustmentCommand>;

export const Article6ActionKind = z.enum(['AUTHORISATION', 'CORRESPONDING_ADJUSTMENT']);
export type Article6ActionKind = z.infer<typeof Article6ActionKind>;

/** One recorded Article 6 action (append-only audit row), and event data of credits.block.authorised / …-applied. */
export const Article6ActionView = z.object({
  id: z.uuid(),
  kind: Article6ActionKind,
  registry: RegistryCode,
  projectId: z.uuid(),
  projectReference: z.string(),
  firstUnit: z.string(),
  lastUnit: z.string(),
  quantity: z.string(),
  authorisedUse: z.enum(['NDC', 'OIMP']).nullable(),
  authorisationRef: z.string().nullable(),
  oimpFirstTransfer: OimpFirstTransfer.nullable(),
  appliedOn: IsoDate.nullable(),
  reference: z.string().nullable(),
  /** Serials of the blocks the action covers, after any split. */
  serials: z.array(z.object({ serial: z.string(), quantity: z.string() })),
  actor: z.object({ userId: z.uuid(), orgId: z.uuid() }),
  createdAt: z.iso.datetime(),
});
export type Article6ActionView = z.infer<typeof Article6ActionView>;
