import { DomainError, RuleFindingView } from '@jcm/contracts';
import type { Finding } from '@jcm/rules';

/**
 * Turns blocking findings of @jcm/rules into RULE_VIOLATION, carrying each one as an issue the portal can show as a
 * cited bilingual message: path = ruleId, message = `ja / en (source)`.
 */
export function refuseOnErrors(findings: readonly Finding[], what: string): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  throw new DomainError(
    'RULE_VIOLATION',
    `${what} refused: ${errors.map((f) => f.message_en).join(' ')}`,
    errors.map((f) => ({ path: f.ruleId, message: `${f.message_ja} / ${f.message_en} (${f.source})` })),
  );
}

export function findingViews(findings: readonly Finding[]): RuleFindingView[] {
  return findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message_ja: f.message_ja,
    message_en: f.message_en,
    source: f.source,
  }));
}
