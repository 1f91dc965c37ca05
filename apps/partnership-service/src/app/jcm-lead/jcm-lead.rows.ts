import { JcmLeadView } from '@jcm/contracts';
import {
  decimal,
  defineSource,
  defineTable,
  isoAt,
  jsonb,
  text,
  timestamptz,
  uuid,
  uuidArray,
  yen,
} from '@jcm/service-kit';

/** JCM lead (partnership.jcm_lead, 案件発掘): tonnes as a numeric decimal string, cost in bigint yen. */
export const JCM_LEAD = defineTable(
  'partnership.jcm_lead',
  {
    id: uuid().default(),
    partnership_id: uuid(),
    contract_id: uuid().nullable(),
    title_ja: text(),
    title_en: text(),
    technology: text(),
    estimated_tco2_per_year: decimal(),
    estimated_cost_yen: yen(),
    consortium: jsonb<JcmLeadView['consortium']>(),
    status: text<JcmLeadView['status']>().default(),
    status_note: text().nullable().default(),
    participant_org_ids: uuidArray(),
    created_by: uuid(),
    created_at: timestamptz().default(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

export const JCM_LEAD_SOURCE = defineSource({
  from: 'partnership.jcm_lead j',
  alias: 'j',
  label: 'JCM lead',
  fields: JCM_LEAD.fields('j'),
});
export type JcmLeadRow = ReturnType<typeof JCM_LEAD_SOURCE.decode>;

export function toJcmLeadView(r: JcmLeadRow): JcmLeadView {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    contractId: r.contract_id,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    technology: r.technology,
    estimatedTco2PerYear: r.estimated_tco2_per_year,
    estimatedCostYen: r.estimated_cost_yen,
    consortium: r.consortium,
    status: r.status,
    statusNote: r.status_note,
    createdAt: isoAt(r.created_at),
    updatedAt: isoAt(r.updated_at),
  };
}
