import { finding, type Finding } from '../shared/finding';
import { fiscalYearOf } from '../shared/fiscal-year';
import { addDays, addYears, compareDates, parseIsoDate, toIsoDate, type IsoDate } from '../shared/iso-date';

/** One procurement (発注・契約) under a grant. */
export interface Procurement {
  id: string;
  orderDate: IsoDate;
  competitive: boolean;
  /** Why competition was significantly difficult or inappropriate, where it was not used. */
  nonCompetitiveReason?: string;
  settlementDate: IsoDate;
}

const SRC_CONTRACTING = 'jcm-grants.md §4.3, §8 R-FIN-07 / 公募要領 L800–L813 契約等';

// jcm-grants.md §4.3, §8 R-FIN-07 / 公募要領 L800–L813: 交付決定日以降の発注、競争、年度内の支払・精算.
/** Contracting rules (契約等): order on/after the grant decision, competitive procurement, settled in the same FY. */
export function procurementChecks(
  grantDecisionDate: IsoDate,
  procurements: readonly Procurement[],
): Finding[] {
  const findings: Finding[] = [];
  for (const p of procurements) {
    if (compareDates(p.orderDate, grantDecisionDate) < 0) {
      findings.push(
        finding(
          'R-FIN-07',
          'error',
          `${p.id}: 交付決定日（${grantDecisionDate}）より前の発注は補助対象外です。`,
          `${p.id}: ordered before the grant decision (${grantDecisionDate}); not eligible.`,
          SRC_CONTRACTING,
        ),
      );
    }
    if (!p.competitive) {
      findings.push(
        p.nonCompetitiveReason
          ? finding(
              'R-FIN-07',
              'warning',
              `${p.id}: 競争によらない契約です（理由: ${p.nonCompetitiveReason}）。妥当性の確認が必要です。`,
              `${p.id}: not competitively procured (reason: ${p.nonCompetitiveReason}); needs review.`,
              SRC_CONTRACTING,
            )
          : finding(
              'R-FIN-07',
              'error',
              `${p.id}: 競争によらない契約には、競争が著しく困難又は不適当である理由が必要です。`,
              `${p.id}: a non-competitive contract needs the reason competition was significantly difficult or inappropriate.`,
              SRC_CONTRACTING,
            ),
      );
    }
    if (fiscalYearOf(p.settlementDate) !== fiscalYearOf(p.orderDate)) {
      findings.push(
        finding(
          'R-FIN-07',
          'warning',
          `${p.id}: 契約年度内に支払・精算されていません（原則）。`,
          `${p.id}: not paid and settled within the contract's fiscal year (the rule in principle).`,
          SRC_CONTRACTING,
        ),
      );
    }
  }
  return findings;
}

/** A reporting period of the annual business report (事業報告書). */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}

// jcm-grants.md §3 ②, §8 R-POST-02 / 公募要領 L135–L139: 稼働開始日からその年の12月31日まで、以後毎年、法定耐用年数まで.
/** Periods of the annual business report (事業報告書): operation start → 31 Dec, then calendar years to durable-years end. */
export function annualBusinessReportPeriods(operationStart: IsoDate, durableYears: number): ReportPeriod[] {
  if (!Number.isInteger(durableYears) || durableYears < 1)
    throw new RangeError('durableYears must be a positive integer');
  // The durable years run out the day before the anniversary of operation start.
  const lastDay = addDays(addYears(operationStart, durableYears), -1);
  const periods: ReportPeriod[] = [];
  let from = operationStart;
  for (let year = parseIsoDate(operationStart).year; compareDates(from, lastDay) <= 0; year++) {
    const yearEnd = toIsoDate(year, 12, 31);
    const to = compareDates(yearEnd, lastDay) < 0 ? yearEnd : lastDay;
    periods.push({ from, to });
    from = toIsoDate(year + 1, 1, 1);
  }
  return periods;
}

// jcm-grants.md §2 リース案件, §8 R-POST-12 / 公募要領 L374–L378: 耐用年数内にリース終了→再リース又はパートナーへ譲渡.
/** A lease ending before the durable years (リース期間満了) must be renewed or the property transferred to a partner. */
export function leaseEndObligation(
  leaseEnd: IsoDate,
  durableYearsEnd: IsoDate,
  plan: 'RENEW' | 'TRANSFER_TO_PARTNER' | 'NONE',
): Finding[] {
  if (compareDates(leaseEnd, durableYearsEnd) >= 0 || plan !== 'NONE') return [];
  return [
    finding(
      'R-POST-12',
      'error',
      `リースが法定耐用年数（${durableYearsEnd}まで）より前に終了します。再リースするか、コンソーシアムのパートナーへ譲渡してください。`,
      `The lease ends before the durable years (to ${durableYearsEnd}): renew it or transfer the property to a consortium partner.`,
      'jcm-grants.md §8 R-POST-12 / 公募要領 L374–L378',
    ),
  ];
}
