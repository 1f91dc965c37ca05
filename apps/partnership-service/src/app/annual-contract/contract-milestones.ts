import { EntityManager } from 'typeorm';
import { finding, Finding } from '@jcm/rules';
import { ContractAction, MEETING_KIND_OF_CONTRACT_ACTION, REPORT_MEETING_HELD_STATES, SETTLEMENT_COUNTED_STATES } from '@jcm/contracts';
import { refuseOnErrors } from '../programme-shared/rule-findings';

const MEETING_NAMES = {
  KICKOFF: ['契約締結時の報告会', 'kick-off report meeting'],
  INTERIM: ['中間報告会', 'interim report meeting'],
  FINAL: ['最終報告会', 'final report meeting'],
} as const;

/**
 * The records a contract milestone stands on (city-partnerships.md §6.3): a "reported" state needs its 報告会 held
 * (§6.6), deliverables_submitted needs every required 成果物 handed in (表3 ①), settled needs an accepted 精算報告
 * and none still under inspection (§6.9). Refusals are RULE_VIOLATION with cited bilingual issues.
 */
export async function assertMilestoneRecords(m: EntityManager, contractId: string, action: ContractAction): Promise<void> {
  refuseOnErrors(await milestoneFindings(m, contractId, action), 'Contract transition');
}

async function milestoneFindings(m: EntityManager, contractId: string, action: ContractAction): Promise<Finding[]> {
  if (action === 'report-kickoff' || action === 'report-interim' || action === 'report-final') {
    const kind = MEETING_KIND_OF_CONTRACT_ACTION[action];
    const [held] = await m.query(`SELECT 1 FROM partnership.report_meeting WHERE contract_id = $1 AND kind = $2 AND state = ANY($3::text[])`, [
      contractId,
      kind,
      REPORT_MEETING_HELD_STATES,
    ]);
    if (held) return [];
    const [ja, en] = MEETING_NAMES[kind];
    return [finding('C3P-M1', 'error', `${ja}が開催されていません。`, `The ${en} has not been held.`, 'city-partnerships.md §2.5 ③, §6.3, §6.6 / ガイドブック 表3 ③')];
  }
  if (action === 'submit-deliverables') {
    const missing: { title_ja: string; title_en: string }[] = await m.query(
      `SELECT title_ja, title_en FROM partnership.deliverable WHERE contract_id = $1 AND required AND state = 'pending'
        ORDER BY array_position(ARRAY['WORK_REPORT_JA_PAPER','SUMMARY_PPT_JA','SUMMARY_PPT_EN','ELECTRONIC_MEDIA_DVD_R'], kind)`,
      [contractId],
    );
    if (missing.length === 0) return [];
    return [
      finding(
        'C3P-DL1',
        'error',
        `未提出の成果物があります: ${missing.map((d) => d.title_ja).join('、')}。`,
        `Required deliverables not yet submitted: ${missing.map((d) => d.title_en).join(', ')}.`,
        'city-partnerships.md §2.5 ①, §6.3 / ガイドブック 表3 ①',
      ),
    ];
  }
  if (action === 'settle') {
    const [{ accepted, open }] = await m.query(
      `SELECT count(*) FILTER (WHERE state = 'accepted')::int AS accepted,
              count(*) FILTER (WHERE state = ANY($2::text[]) AND state <> 'accepted')::int AS open
         FROM partnership.settlement_report WHERE contract_id = $1`,
      [contractId, SETTLEMENT_COUNTED_STATES],
    );
    if (accepted > 0 && open === 0) return [];
    return [
      finding(
        'C3P-S2',
        'error',
        accepted === 0 ? '受理された精算報告がありません。' : '検査中の精算報告があります。',
        accepted === 0 ? 'No settlement report has been accepted.' : 'A settlement report is still under inspection.',
        'city-partnerships.md §2.5, §6.3 (SETTLED: 精算報告 accepted), §6.9 / ガイドブック §2.3',
      ),
    ];
  }
  return [];
}
