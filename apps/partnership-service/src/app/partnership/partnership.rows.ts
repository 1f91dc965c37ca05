import {
  OtherParticipant,
  PartnershipAgreement,
  PartnershipView,
  PartyRef,
  TargetField,
} from '@jcm/contracts';
import {
  date,
  defineSource,
  defineTable,
  intArray,
  isoAt,
  jsonb,
  text,
  textArray,
  timestamptz,
  uuid,
  uuidArray,
} from '@jcm/service-kit';

/** 都市間連携 (partnership.partnership): the city pair, all 14 columns, read and written only through this schema. */
export const PARTNERSHIP = defineTable('partnership.partnership', {
  id: uuid().default(),
  municipality: jsonb<PartyRef>(),
  partner_city: jsonb<PartyRef>(),
  title_ja: text(),
  title_en: text(),
  target_fields: textArray<TargetField>(),
  target_field_other: text().nullable(),
  participant_org_ids: uuidArray(),
  other_participants: jsonb<OtherParticipant[]>().default(),
  agreement_status: text<PartnershipAgreement['status']>().default(),
  agreement_type: text().nullable().default(),
  agreement_date: date().nullable().default(),
  declared_history_fiscal_years: intArray().default(),
  created_by: uuid(),
  created_at: timestamptz().default(),
});

export const PARTNERSHIP_SOURCE = defineSource({
  from: 'partnership.partnership p',
  alias: 'p',
  label: 'Partnership',
  fields: PARTNERSHIP.fields('p'),
});
export type PartnershipRow = ReturnType<typeof PARTNERSHIP_SOURCE.decode>;

export function toPartnershipView(r: PartnershipRow): PartnershipView {
  return {
    id: r.id,
    municipality: r.municipality,
    partnerCity: r.partner_city,
    otherParticipants: r.other_participants,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    targetFields: r.target_fields,
    targetFieldOther: r.target_field_other,
    createdAt: isoAt(r.created_at),
  };
}
