import { CallView } from '@jcm/contracts';
import { date, defineSource, defineTable, int, isoAt, text, timestamptz, uuid } from '@jcm/service-kit';

/** 公募 (partnership.call_round). Not participant-owned: RLS shows published calls to everyone signed in. */
export const CALL_ROUND = defineTable(
  'partnership.call_round',
  {
    id: uuid().default(),
    fiscal_year: int(),
    round: int(),
    title_ja: text(),
    title_en: text(),
    preset_id: text<CallView['presetId']>(),
    opens_on: date(),
    closes_on: date(),
    monthly_report_due_day: int(),
    state: text<CallView['state']>().default(),
    created_by: uuid(),
    created_at: timestamptz().default(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

/** No tenant filter in the query: who sees a call is the RLS policy's (drafts read as not found). */
export const CALL_SOURCE = defineSource({
  from: 'partnership.call_round cr',
  alias: 'cr',
  label: 'Call',
  tenancy: 'policy',
  fields: CALL_ROUND.fields('cr'),
});
export type CallRow = ReturnType<typeof CALL_SOURCE.decode>;

export function toCallView(r: CallRow): CallView {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    round: r.round,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    presetId: r.preset_id,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    monthlyReportDueDay: r.monthly_report_due_day,
    state: r.state,
    createdAt: isoAt(r.created_at),
    updatedAt: isoAt(r.updated_at),
  };
}
