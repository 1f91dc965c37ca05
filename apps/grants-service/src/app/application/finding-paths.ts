// Where each rule's finding is shown in the form (plan-forms.md §7 sections ↔ the PlanFormInput parts;
// jcm-grants.md §8 R-* ↔ the application's computed figures). The rules report rule ids, not fields.
const BY_PREFIX: readonly (readonly [string, string])[] = [
  ['V-STR-1', 'form.sections'],
  ['V-STR-2', 'form.coApplicants'],
  ['V-STR-3', 'form.titleJa'],
  ['V-STR-4', 'form.background'],
  ['V-STR-5', 'form.outline'],
  ['V-STR-6', 'form.renderedPages'],
  ['V-STR-7', 'form.lead.contactResponsible'],
  ['V-BF', 'form.businessForms'],
  ['V-FIN', 'form.lead.financials'],
  ['V-PLAN', 'form.plan'],
  ['V-FUND', 'form.funding'],
  ['V-BID', 'form.plan.tender'],
  ['V-CHR', 'form.character'],
  ['V-TEC', 'form.technology'],
  ['V-PRC', 'form.procurement'],
  ['V-EFF-9', 'form.effects.emissionFactors'],
  ['V-EFF-10', 'form.effects.methodology'],
  ['V-EFF-11', 'form.effects.methodology.eligibilityCriteria'],
  ['V-EFF-8', 'requestedSubsidyYen'],
  ['V-EFF', 'form.effects'],
  ['V-SCH', 'form.schedule'],
  ['V-DOC', 'attachments'],
  ['R-APP-02', 'consortium'],
  ['R-APP-03', 'consortium'],
  ['R-APP-05', 'technologies'],
  ['R-APP-11', 'submittedAt'],
  ['R-FIN-01', 'technologies'],
  ['R-FIN-02', 'requestedSubsidyYen'],
  ['R-FIN-03', 'requestedSubsidyYen'],
  ['R-FIN-04', 'costs.adminYen'],
  ['R-EVAL-03', 'technologies'],
  ['R-EVAL-04', 'requestedSubsidyYen'],
  ['R-EVAL-05', 'payback'],
];

/** The field path a finding is shown next to (the longest matching rule-id prefix; the form itself otherwise). */
export function findingPath(ruleId: string): string {
  let best: readonly [string, string] | undefined;
  for (const e of BY_PREFIX) {
    const hit = ruleId === e[0] || ruleId.startsWith(`${e[0]}-`) || ruleId.startsWith(e[0]);
    if (hit && (!best || e[0].length > best[0].length)) best = e;
  }
  return best ? best[1] : 'form';
}
