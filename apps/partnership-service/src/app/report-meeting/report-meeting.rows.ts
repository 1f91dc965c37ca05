import { ReportMeetingView } from '@jcm/contracts';
import {
  date,
  defineSource,
  defineTable,
  isoAt,
  jsonb,
  text,
  timestamptz,
  uuid,
  uuidArray,
} from '@jcm/service-kit';
import { ANNUAL_CONTRACT } from '../annual-contract/annual-contract.rows';
import { CALL_ROUND } from '../call/call.rows';

/** 報告会 (partnership.report_meeting): one per contract and kind (KICKOFF, INTERIM, FINAL). */
export const REPORT_MEETING = defineTable(
  'partnership.report_meeting',
  {
    id: uuid().default(),
    contract_id: uuid(),
    kind: text<ReportMeetingView['kind']>(),
    state: text<ReportMeetingView['state']>().default(),
    scheduled_on: date(),
    held_on: date().nullable().default(),
    online_url: text().nullable(),
    materials: jsonb<ReportMeetingView['materials']>().default(),
    minutes_text: text().nullable().default(),
    minutes_confirmations: jsonb<ReportMeetingView['minutesConfirmations']>().default(),
    participant_org_ids: uuidArray(),
    created_by: uuid(),
    created_at: timestamptz().default(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

/** A meeting with its contract's parties, state and period (meetings fall inside the contract period). */
export const REPORT_MEETING_SOURCE = defineSource({
  from: `partnership.report_meeting r JOIN partnership.annual_contract c ON c.id = r.contract_id
    JOIN partnership.call_round cr ON cr.id = c.call_id`,
  alias: 'r',
  label: 'Report meeting',
  fields: {
    ...REPORT_MEETING.fields('r'),
    ...ANNUAL_CONTRACT.fields('c', ['company', 'municipality', 'start_date', 'end_date']),
    contract_state: ANNUAL_CONTRACT.field('c', 'state'),
    preset_id: CALL_ROUND.field('cr', 'preset_id'),
  },
});
export type ReportMeetingRow = ReturnType<typeof REPORT_MEETING_SOURCE.decode>;

export function toReportMeetingView(r: ReportMeetingRow): ReportMeetingView {
  return {
    id: r.id,
    contractId: r.contract_id,
    kind: r.kind,
    state: r.state,
    scheduledOn: r.scheduled_on,
    heldOn: r.held_on,
    onlineUrl: r.online_url,
    materials: r.materials,
    minutesText: r.minutes_text,
    minutesConfirmations: r.minutes_confirmations,
    createdAt: isoAt(r.created_at),
    updatedAt: isoAt(r.updated_at),
  };
}
