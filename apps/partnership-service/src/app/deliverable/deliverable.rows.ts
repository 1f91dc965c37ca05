import { DeliverableView } from '@jcm/contracts';
import {
  bool,
  defineSource,
  defineTable,
  iso,
  isoAt,
  text,
  timestamptz,
  uuid,
  uuidArray,
} from '@jcm/service-kit';
import { ANNUAL_CONTRACT } from '../annual-contract/annual-contract.rows';

/** 成果物 (partnership.deliverable): the checklist of ガイドブック 表3 ①, created with the contract. */
export const DELIVERABLE = defineTable(
  'partnership.deliverable',
  {
    id: uuid().default(),
    contract_id: uuid(),
    kind: text<DeliverableView['kind']>(),
    title_ja: text(),
    title_en: text(),
    required: bool().default(),
    state: text<DeliverableView['state']>().default(),
    file_ref: text().nullable().default(),
    url: text().nullable().default(),
    note: text().nullable().default(),
    return_comment: text().nullable().default(),
    submitted_at: timestamptz().nullable().default(),
    accepted_at: timestamptz().nullable().default(),
    participant_org_ids: uuidArray(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

export const DELIVERABLE_SOURCE = defineSource({
  from: 'partnership.deliverable d JOIN partnership.annual_contract c ON c.id = d.contract_id',
  alias: 'd',
  label: 'Deliverable',
  fields: {
    ...DELIVERABLE.fields('d'),
    company: ANNUAL_CONTRACT.field('c', 'company'),
    contract_state: ANNUAL_CONTRACT.field('c', 'state'),
  },
});
export type DeliverableRow = ReturnType<typeof DELIVERABLE_SOURCE.decode>;

/** The checklist's own order (表3 ①), not the alphabet. */
export const DELIVERABLE_ORDER = `array_position(ARRAY['WORK_REPORT_JA_PAPER','SUMMARY_PPT_JA','SUMMARY_PPT_EN','ELECTRONIC_MEDIA_DVD_R'], d.kind)`;

export function toDeliverableView(r: DeliverableRow): DeliverableView {
  return {
    id: r.id,
    contractId: r.contract_id,
    kind: r.kind,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    required: r.required,
    state: r.state,
    fileRef: r.file_ref,
    url: r.url,
    note: r.note,
    returnComment: r.return_comment,
    submittedAt: iso(r.submitted_at),
    acceptedAt: iso(r.accepted_at),
    updatedAt: isoAt(r.updated_at),
  };
}
