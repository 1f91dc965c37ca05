import { JCM_ACQUISITION_TARGETS, TargetProgress } from '@jcm/contracts';

/** `part` as a percentage of `whole` with two decimals, rounded down, in integers only ("12.34"). */
export function percentOf(part: bigint, whole: bigint): string {
  if (whole <= 0n) throw new RangeError('whole must be positive');
  const hundredths = (part * 10_000n) / whole;
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

/** 年度 (April–March) of an instant, in Japan Standard Time (UTC+9, no daylight saving). */
export function fiscalYearJst(at: Date): number {
  const jst = new Date(at.getTime() + 9 * 3600_000);
  return jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
}

/**
 * Progress against the JCM acquisition targets from issuance totals per fiscal year: a target year's figure is
 * everything issued up to the end of that fiscal year (so far, for a year not yet over).
 */
export function targetRows(byFiscalYear: { fiscalYear: number; issued: bigint; government: bigint }[]): {
  rows: TargetProgress['targets'];
  series: TargetProgress['byFiscalYear'];
} {
  let cumulative = 0n;
  const series = byFiscalYear.map((y) => {
    cumulative += y.issued;
    return { fiscalYear: y.fiscalYear, issued: y.issued.toString(), cumulative: cumulative.toString() };
  });
  const rows = JCM_ACQUISITION_TARGETS.map((t) => {
    const target = BigInt(t.tonnes);
    const upTo = byFiscalYear.filter((y) => y.fiscalYear <= t.fiscalYear);
    const issued = upTo.reduce((s, y) => s + y.issued, 0n);
    const government = upTo.reduce((s, y) => s + y.government, 0n);
    return {
      fiscalYear: t.fiscalYear,
      targetTonnes: t.tonnes,
      issuedByThen: issued.toString(),
      percentIssued: percentOf(issued, target),
      percentGovernmentShare: percentOf(government, target),
      remaining: (issued >= target ? 0n : target - issued).toString(),
    };
  });
  return { rows, series };
}
