import {
  ApplicationCheck,
  ApplicationContent,
  ApplicationFigures,
  ApplicationFinding,
  ConsortiumMemberView,
  GrantCallView,
  PlanFormKind,
} from '@jcm/contracts';
import {
  calculateJcmSubsidy,
  checkPlanForm,
  consortiumComposition,
  finding,
  type Finding,
  GRID_EF_JCM_FY2021,
  gridEmissionFactor,
  type JcmSubsidyResult,
  knownSimilarProjectCount,
  type PlanFormInput,
  submissionWithinCallWindow,
} from '@jcm/rules';
import { callPreset } from '../call/call-preset';
import { findingPath } from './finding-paths';

export interface CheckedApplication {
  form_kind: PlanFormKind;
  content: ApplicationContent;
  consortium: ConsortiumMemberView[];
}

const cite = (f: Finding, path = findingPath(f.ruleId)): ApplicationFinding => ({ ...f, path });

/**
 * Live findings of an application against its call (issue #9 §2): every plan-form rule (`checkPlanForm`), the
 * consortium, window and subsidy rules of jcm-grants §8 — with the similar-project count and the grid factor taken
 * from the call preset by country × technology (never typed by the applicant) — and the computed figures.
 * `at` is the instant the window rule is judged at (now, or the submission).
 */
export function checkApplication(call: GrantCallView, app: CheckedApplication, at: Date): ApplicationCheck {
  const preset = callPreset(call);
  const c = app.content;
  const out: ApplicationFinding[] = [];

  // R-APP-02 consortium: one Japanese representative, ≥ 1 foreign co-implementer; each member confirms.
  out.push(...consortiumComposition(app.consortium).map((f) => cite(f)));
  app.consortium.forEach((m, i) => {
    if (m.confirmedAt === null)
      out.push(
        cite(
          finding(
            'R-APP-02',
            'warning',
            `「${m.nameJa}」が参加を確認していません。`,
            `${m.nameEn} has not confirmed its participation.`,
            'jcm-grants.md §8 R-APP-02 / 公募要領 国際コンソーシアム',
          ),
          `consortium.${i}`,
        ),
      );
  });

  // R-APP-11 call window.
  if (at.getTime() < Date.parse(call.opensAt))
    out.push(
      cite(
        finding(
          'R-APP-11',
          'error',
          '公募の受付開始前です。',
          'The call is not open yet.',
          'jcm-grants.md §8 R-APP-11 / 公募要領 3.(2)',
        ),
      ),
    );
  out.push(...submissionWithinCallWindow(at.toISOString(), preset).map((f) => cite(f)));

  // 別添3 counts and 別添4 factors by technology × country.
  const known: { index: number; count: number }[] = [];
  const perTech = c.technologies.map((t, i) => {
    const count = knownSimilarProjectCount(preset, t.technologyId, t.country);
    if (count === undefined) {
      out.push(
        cite(
          finding(
            'R-FIN-01',
            'warning',
            `公募の別添3に${t.country}の${t.technologyId}の類似案件数がありません。センターの確認後に補助率上限を算出します。`,
            `The call's 別添3 has no similar-project count for ${t.technologyId} in ${t.country}; the cap is computed once GEC adds it.`,
            'jcm-grants.md §2.2, §8 R-FIN-01 / 公募要領 別添3',
          ),
          `technologies.${i}.country`,
        ),
      );
    } else known.push({ index: i, count });
    if (!preset.priorityCountries.includes(t.country))
      out.push(
        cite(
          finding(
            'R-APP-05',
            'warning',
            `${t.country}は本公募の対象国に含まれていません。`,
            `${t.country} is not a partner country of this call.`,
            'jcm-grants.md §8 R-APP-05 / 公募要領 1.(4)',
          ),
          `technologies.${i}.country`,
        ),
      );
    if (preset.adoptionHoldCountries.includes(t.country))
      out.push(
        cite(
          finding(
            'R-APP-05',
            'warning',
            `${t.country}の案件は採択が保留されています。`,
            `Adoption of projects in ${t.country} is on hold.`,
            'jcm-grants.md §8 R-APP-05 / 公募要領',
          ),
          `technologies.${i}.country`,
        ),
      );
    const column = t.efColumn ?? (t.technologyId === 'SOLAR_PV' ? 'RE_other' : 'EE_other');
    const ef = gridEmissionFactor(GRID_EF_JCM_FY2021, t.country, column);
    return { t, count, ef: 'factor' in ef ? ef.factor.toFixed() : null };
  });

  let calc: JcmSubsidyResult | null = null;
  if (known.length > 0) {
    calc = calculateJcmSubsidy(
      {
        scheme: 'REGULAR',
        technologies: known.map(({ index, count }) => ({
          technologyId: `${c.technologies[index].technologyId}@${c.technologies[index].country}`,
          eligibleCostYen: c.technologies[index].eligibleCostYen,
          priorSimilarProjects: count,
          annualReductionT: c.technologies[index].annualReductionT,
          usefulLifeYears: c.technologies[index].usefulLifeYears,
        })),
        requestedSubsidyYen: c.requestedSubsidyYen,
        costs: c.costs,
        payback: c.payback,
      },
      preset,
    );
    out.push(...calc.findings.map((f) => cite(f)));
  }

  // plan-forms.md §7: every V-* rule on the form, with the preset's count (the lowest tier applies the strictest
  // ¥/t threshold only when every technology has that many, so the smallest known count is used).
  const f = c.form;
  const rep = app.consortium.find((m) => m.role === 'REPRESENTATIVE');
  const minCount = known.length ? Math.min(...known.map((k) => k.count)) : undefined;
  const effects: NonNullable<PlanFormInput['effects']> = f.effects ?? {
    technologies: c.technologies.map((t) => ({
      name: t.nameJa || t.technologyId,
      co2AnnualT: t.annualReductionT,
      usefulLifeYears: t.usefulLifeYears,
    })),
  };
  const input: PlanFormInput = {
    ...f,
    kind: app.form_kind,
    titleJa: f.titleJa ?? '',
    titleEn: f.titleEn ?? '',
    lead: f.lead ?? { nameJa: rep?.nameJa ?? '', nameEn: rep?.nameEn ?? '' },
    coApplicants:
      f.coApplicants ??
      app.consortium
        .filter((m) => m.role === 'CO_IMPLEMENTER')
        .map((m) => ({ name: m.nameJa, nameEn: m.nameEn })),
    sections: f.sections ?? {},
    effects: {
      ...effects,
      priorSimilarProjects: minCount ?? effects.priorSimilarProjects,
      subsidyYen: effects.subsidyYen ?? calc?.subsidyYen,
    },
    attachments:
      f.attachments ??
      c.attachments.map((a) => ({ docRef: a.docRef, fileFormat: a.fileFormat, parts: a.parts })),
  };
  out.push(...checkPlanForm(input, preset).findings.map((x) => cite(x)));

  const byTech = new Map(calc?.technologies.map((r) => [r.technologyId, r]) ?? []);
  const figures: ApplicationFigures = {
    presetId: preset.id,
    technologies: perTech.map(({ t, count, ef }) => {
      const r = byTech.get(`${t.technologyId}@${t.country}`);
      return {
        technologyId: t.technologyId,
        country: t.country,
        similarProjects: count ?? null,
        rateCap: r?.rateCap ?? null,
        maxSubsidyYen: r?.maxSubsidyYen ?? null,
        totalReductionT: r?.totalReductionT ?? null,
        costEffectivenessYenPerT: r?.costEffectivenessYenPerT ?? null,
        costEffectivenessThresholdYenPerT: r?.costEffectivenessThresholdYenPerT ?? null,
        gridEmissionFactor: ef,
      };
    }),
    maxSubsidyYen: calc?.maxSubsidyYen ?? null,
    subsidyYen: calc?.subsidyYen ?? null,
    adminCostCapYen: calc?.adminCostCapYen ?? null,
    totalReductionT: calc?.totalReductionT ?? null,
    costEffectivenessYenPerT: calc?.costEffectivenessYenPerT ?? null,
    paybackYearsWithoutSubsidy: calc?.paybackYearsWithoutSubsidy ?? null,
    paybackYearsWithSubsidy: calc?.paybackYearsWithSubsidy ?? null,
  };
  return { findings: out, errors: out.filter((x) => x.severity === 'error').length, figures };
}
