import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';

/** 対象分野: controlled vocabulary of target fields (city-partnerships.md §2), plus free "other". */
export const TargetField = z.enum([
  'energy',
  'renewable-energy',
  'energy-efficiency',
  'waste',
  'water',
  'transport',
  'urban-planning',
  'agriculture',
  'forestry',
  'f-gas',
  'other',
]);
export type TargetField = z.infer<typeof TargetField>;

/** POST /api/v1/partnerships: 都市間連携 (a city pair). */
export const CreatePartnershipRequest = z
  .object({
    municipalityOrgId: z.uuid(),
    partnerCityOrgId: z.uuid(),
    titleJa: text({ max: 200, kind: 'name' }),
    titleEn: text({ max: 200, kind: 'name' }),
    targetFields: z.array(TargetField).min(1).max(11),
    targetFieldOther: text({ max: 200, kind: 'name', min: 0 }).optional(),
  })
  .refine((v) => !v.targetFields.includes('other') || !!v.targetFieldOther, {
    path: ['targetFieldOther'],
    message: 'Required when targetFields includes "other"',
  });
export type CreatePartnershipRequest = z.infer<typeof CreatePartnershipRequest>;

/** A participating organisation, snapshotted by the gateway from the identity schema. */
export const PartyRef = z.object({
  orgId: z.uuid(),
  nameJa: text({ max: 300, kind: 'name' }),
  nameEn: text({ max: 300, kind: 'name' }),
  country: z
    .string()
    .length(2)
    .regex(/^[A-Z]{2}$/),
});
export type PartyRef = z.infer<typeof PartyRef>;

/** NATS `partnership.partnership.create` data. */
export const CreatePartnershipCommand = z.object({
  municipality: PartyRef,
  partnerCity: PartyRef,
  titleJa: text({ max: 200, kind: 'name' }),
  titleEn: text({ max: 200, kind: 'name' }),
  targetFields: z.array(TargetField).min(1),
  targetFieldOther: text({ max: 200, kind: 'name', min: 0 }).nullable(),
});
export type CreatePartnershipCommand = z.infer<typeof CreatePartnershipCommand>;

/** How a further organisation takes part in a city pair (§1.3: representative entity, co-implementer, …). */
export const ParticipantRole = z.enum([
  'CONTRACTOR',
  'CO_IMPLEMENTER',
  'MUNICIPALITY',
  'PARTNER_CITY',
  'STAKEHOLDER',
]);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const OtherParticipant = PartyRef.extend({ role: ParticipantRole });
export type OtherParticipant = z.infer<typeof OtherParticipant>;

/** POST /api/v1/partnerships/:id/participants */
export const AddPartnershipParticipantRequest = z.object({ orgId: z.uuid(), role: ParticipantRole });
export type AddPartnershipParticipantRequest = z.infer<typeof AddPartnershipParticipantRequest>;

/** NATS `partnership.partnership.add-participant` data (names snapshotted by the gateway). */
export const AddPartnershipParticipantCommand = z.object({
  partnershipId: z.uuid(),
  participant: OtherParticipant,
});
export type AddPartnershipParticipantCommand = z.infer<typeof AddPartnershipParticipantCommand>;

export const PartnershipView = z.object({
  id: z.uuid(),
  municipality: PartyRef,
  partnerCity: PartyRef,
  /** Contractor, co-implementers, further cities: they see the partnership too. */
  otherParticipants: z.array(OtherParticipant).default([]),
  titleJa: z.string(),
  titleEn: z.string(),
  targetFields: z.array(TargetField),
  targetFieldOther: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type PartnershipView = z.infer<typeof PartnershipView>;

export const ListPartnershipsQuery = PageQuery.extend({
  q: text({ max: 100, kind: 'name', min: 0 }).optional(),
  sort: z.enum(['createdAt', '-createdAt', 'titleJa', 'titleEn']).default('-createdAt'),
});
export type ListPartnershipsQuery = z.infer<typeof ListPartnershipsQuery>;

export const PartnershipPage = pageOf(PartnershipView);
export type PartnershipPage = z.infer<typeof PartnershipPage>;

export const GetPartnershipQuery = z.object({ id: z.uuid() });
export type GetPartnershipQuery = z.infer<typeof GetPartnershipQuery>;
