import { finding, type Finding } from '../../shared/finding';
import type { Methodology } from './methodology.schema';

/** The participant's answer to one eligibility criterion (適格性要件), with where the evidence is. */
export interface EligibilityAnswer {
  readonly met: boolean;
  readonly evidence?: string;
}

// plan-forms.md A-9 9(2): list each criterion and how it is met; a bare methodology number is not enough.
/** Check the methodology's eligibility checklist against the answers: an error per criterion not met or unanswered. */
export function checkEligibility(
  m: Methodology,
  answers: Readonly<Record<string, EligibilityAnswer>>,
): { eligible: boolean; findings: Finding[] } {
  const findings: Finding[] = [];
  for (const c of m.eligibility) {
    const a = answers[c.id];
    if (a === undefined) {
      findings.push(
        finding(
          'MRV-ELIG-1',
          'error',
          `適格性要件 ${c.id}「${c.text.ja}」への回答がありません。`,
          `Eligibility criterion ${c.id} "${c.text.en}" is not answered.`,
          `plan-forms.md A-9 9(2); ${c.source}`,
        ),
      );
    } else if (!a.met) {
      findings.push(
        finding(
          'MRV-ELIG-2',
          'error',
          `適格性要件 ${c.id}「${c.text.ja}」を満たしていません。`,
          `Eligibility criterion ${c.id} "${c.text.en}" is not met.`,
          c.source,
        ),
      );
    } else if (!a.evidence?.trim()) {
      findings.push(
        finding(
          'MRV-ELIG-3',
          'warning',
          `適格性要件 ${c.id} の根拠（どのように満たすか）を記載してください。`,
          `Criterion ${c.id}: state how it is met (evidence).`,
          'plan-forms.md A-9 9(2)',
        ),
      );
    }
  }
  const unknown = Object.keys(answers).filter((id) => !m.eligibility.some((c) => c.id === id));
  for (const id of unknown) {
    findings.push(
      finding(
        'MRV-ELIG-4',
        'error',
        `方法論 ${m.id} に適格性要件 ${id} はありません。`,
        `Methodology ${m.id} has no eligibility criterion ${id}.`,
        'plan-forms.md A-9 9(2)',
      ),
    );
  }
  return { eligible: !findings.some((f) => f.severity === 'error'), findings };
}
