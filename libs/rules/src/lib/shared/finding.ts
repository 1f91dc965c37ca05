/** Severity of a rule finding: error blocks, warning needs attention, info explains. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/**
 * An explained rule outcome (所見). Every calculator returns its figures plus a list of these.
 * `source` names the document and section, e.g. 'jcm-grants.md §8 R-FIN-03 / 公募要領 §2(7)'.
 */
export interface Finding {
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly message_ja: string;
  readonly message_en: string;
  readonly source: string;
}

export function finding(
  ruleId: string,
  severity: FindingSeverity,
  message_ja: string,
  message_en: string,
  source: string,
): Finding {
  return { ruleId, severity, message_ja, message_en, source };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export function findingsFor(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}
