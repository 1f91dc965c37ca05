import { GrantCallView, JcmPresetId, JcmPresetOverrides } from '@jcm/contracts';
import {
  date,
  defineSource,
  defineTable,
  int,
  isoAt,
  jsonb,
  text,
  timestamptz,
  uuid,
  uuidArray,
  yen,
} from '@jcm/service-kit';

/** 公募 of the JCM equipment subsidy (grants.grant_call). RLS: drafts only for MOE / the secretariat. */
export const GRANT_CALL = defineTable(
  'grants.grant_call',
  {
    id: uuid().default(),
    fiscal_year: int(),
    title_ja: text(),
    title_en: text(),
    preset_id: text<JcmPresetId>(),
    overrides: jsonb<JcmPresetOverrides>(),
    opens_at: timestamptz(),
    closes_at: timestamptz(),
    first_batch_received_by: date().nullable(),
    budget_yen: yen(),
    adopted_yen: yen().default(),
    reviewer_user_ids: uuidArray(),
    form_version: int().default(),
    state: text<GrantCallView['state']>().default(),
    created_by: uuid(),
    created_at: timestamptz().default(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

export const GRANT_CALL_SOURCE = defineSource({
  from: 'grants.grant_call gc',
  alias: 'gc',
  label: 'Call',
  tenancy: 'policy',
  fields: GRANT_CALL.fields('gc'),
});
export type GrantCallRow = ReturnType<typeof GRANT_CALL_SOURCE.decode>;

export function toGrantCallView(r: GrantCallRow): GrantCallView {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    presetId: r.preset_id,
    overrides: r.overrides,
    opensAt: isoAt(r.opens_at),
    closesAt: isoAt(r.closes_at),
    firstBatchReceivedBy: r.first_batch_received_by,
    budgetYen: r.budget_yen,
    adoptedYen: r.adopted_yen,
    budgetRemainingYen: r.budget_yen - r.adopted_yen,
    reviewerUserIds: r.reviewer_user_ids,
    formVersion: r.form_version,
    state: r.state,
    createdAt: isoAt(r.created_at),
    updatedAt: isoAt(r.updated_at),
  };
}
