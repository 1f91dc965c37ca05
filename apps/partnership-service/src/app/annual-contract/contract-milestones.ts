import { EntityManager } from 'typeorm';
import { Finding, reportMeetingHeld, requiredDeliverablesSubmitted, settlementComplete } from '@jcm/rules';
import {
  ContractAction,
  MEETING_KIND_OF_CONTRACT_ACTION,
  REPORT_MEETING_HELD_STATES,
  SETTLEMENT_COUNTED_STATES,
} from '@jcm/contracts';
import { int, queryRows, text, uuid } from '@jcm/service-kit';
import { DELIVERABLE, DELIVERABLE_ORDER } from '../deliverable/deliverable.rows';
import { refuseOnErrors } from '../programme-shared/rule-findings';
import { REPORT_MEETING } from '../report-meeting/report-meeting.rows';
import { SETTLEMENT_REPORT } from '../settlement-report/settlement-report.rows';

/**
 * The records a contract milestone stands on (city-partnerships.md §6.3), read here and judged by @jcm/rules:
 * a "reported" state needs its 報告会 held (C3P-M1), deliverables_submitted every required 成果物 (C3P-DL1),
 * settled an accepted 精算報告 and none under inspection (C3P-ST2). Refusals are RULE_VIOLATION, cited and bilingual.
 */
export async function assertMilestoneRecords(
  m: EntityManager,
  contractId: string,
  action: ContractAction,
): Promise<void> {
  refuseOnErrors(await milestoneFindings(m, contractId, action), 'Contract transition');
}

async function milestoneFindings(
  m: EntityManager,
  contractId: string,
  action: ContractAction,
): Promise<Finding[]> {
  if (action === 'report-kickoff' || action === 'report-interim' || action === 'report-final') {
    const kind = MEETING_KIND_OF_CONTRACT_ACTION[action];
    const held = await queryRows(
      m,
      { id: uuid() },
      `SELECT id FROM ${REPORT_MEETING.name} WHERE contract_id = $1 AND kind = $2 AND state = ANY($3::text[]) LIMIT 1`,
      [contractId, kind, REPORT_MEETING_HELD_STATES],
    );
    return reportMeetingHeld(kind, held.length > 0);
  }
  if (action === 'submit-deliverables') {
    const missing = await queryRows(
      m,
      { titleJa: text(), titleEn: text() },
      `SELECT title_ja AS "titleJa", title_en AS "titleEn" FROM ${DELIVERABLE.name} d
        WHERE contract_id = $1 AND required AND state = 'pending' ORDER BY ${DELIVERABLE_ORDER}`,
      [contractId],
    );
    return requiredDeliverablesSubmitted(missing);
  }
  if (action === 'settle') {
    const [{ accepted, open }] = await queryRows(
      m,
      { accepted: int(), open: int() },
      `SELECT count(*) FILTER (WHERE state = 'accepted')::int AS accepted,
              count(*) FILTER (WHERE state = ANY($2::text[]) AND state <> 'accepted')::int AS open
         FROM ${SETTLEMENT_REPORT.name} WHERE contract_id = $1`,
      [contractId, SETTLEMENT_COUNTED_STATES],
    );
    return settlementComplete(accepted, open);
  }
  return [];
}
