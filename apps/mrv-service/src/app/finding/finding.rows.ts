import { FindingStatus, FindingView } from '@jcm/contracts';
import {
  defineSource,
  defineTable,
  isoAt,
  jsonb,
  text,
  timestamptz,
  uuid,
  uuidArray,
} from '@jcm/service-kit';

/** mrv.finding (指摘事項): CAR/CL/FAR on a validation or a verification; responses appended in order. */
export const FINDING = defineTable('mrv.finding', {
  id: uuid().default(),
  subject: text<'VALIDATION' | 'VERIFICATION'>(),
  subject_id: uuid(),
  number: text(),
  kind: text<'CAR' | 'CL' | 'FAR'>(),
  text: text(),
  parameter_id: text().nullable(),
  raised_by_org_id: uuid(),
  status: text<FindingStatus>().default(),
  responses: jsonb<FindingView['responses']>().default(),
  participant_org_ids: uuidArray(),
  raised_at: timestamptz().default(),
});

export const FINDING_SOURCE = defineSource({
  from: 'mrv.finding f',
  alias: 'f',
  label: 'Finding',
  fields: FINDING.fields('f'),
});
export type FindingRow = ReturnType<typeof FINDING_SOURCE.decode>;

export function toFindingView(r: FindingRow): FindingView {
  return {
    id: r.id,
    subject: r.subject,
    subjectId: r.subject_id,
    number: r.number,
    kind: r.kind,
    text: r.text,
    parameterId: r.parameter_id,
    raisedByOrgId: r.raised_by_org_id,
    status: r.status,
    responses: r.responses,
    raisedAt: isoAt(r.raised_at),
  };
}
