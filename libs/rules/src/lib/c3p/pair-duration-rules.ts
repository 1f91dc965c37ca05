import { finding, type Finding } from '../shared/finding';
import type { C3pCallPreset } from './c3p-preset';

const SEVEN_YEAR_SRC = 'city-partnerships.md §7.2 / ガイドブック §2.1 脚注1';

// city-partnerships.md §7.2 D1/D3/D4 / ガイドブック §2.1 脚注1: 同一の組み合わせで合計7年以上は不可; 中断6年以上なら新規.
/**
 * Seven-year rule (7年ルール) for a (Japanese city, partner city) pair: counting back from the applied year, years
 * count until a gap of 6 or more fiscal years; the total including the applied year must stay ≤ 6.
 */
export function pairSevenYearRule(
  implementedFiscalYears: readonly number[],
  applyingFiscalYear: number,
  preset: C3pCallPreset,
): { countedYears: number; isNewProject: boolean; allowed: boolean; findings: Finding[] } {
  const prior = [...new Set(implementedFiscalYears)]
    .filter((y) => y < applyingFiscalYear)
    .sort((a, b) => b - a);
  const findings: Finding[] = [];
  if (implementedFiscalYears.includes(applyingFiscalYear)) {
    findings.push(
      finding(
        'C3P-D0',
        'error',
        '同じ年度に同じ組み合わせの事業が既にあります。',
        'The pair already has a project in the applied fiscal year.',
        SEVEN_YEAR_SRC,
      ),
    );
  }
  let counted = 1;
  let previous = applyingFiscalYear;
  for (const year of prior) {
    if (previous - year - 1 >= preset.pairResetGapYears) break;
    counted += 1;
    previous = year;
  }
  const isNewProject = counted === 1;
  const allowed = counted <= preset.pairMaxTotalYears;
  if (!allowed) {
    findings.push(
      finding(
        'C3P-D1',
        'error',
        `同一の本邦都市・パートナー都市の組み合わせで${counted}年目の実施となり、7年以上の実施は認められません。`,
        `This would be year ${counted} for the same city pair; 7 or more years are not allowed.`,
        SEVEN_YEAR_SRC,
      ),
    );
  }
  if (isNewProject && prior.length > 0) {
    findings.push(
      finding(
        'C3P-D3',
        'info',
        '中断期間が6年以上あるため、新規事業として申請できます。',
        'The pair paused for 6 or more years, so it may apply as a new project.',
        SEVEN_YEAR_SRC,
      ),
    );
  }
  return { countedYears: counted, isNewProject, allowed, findings };
}

/** Theme novelty (テーマの新規性) as judged for a phase-2 application. */
export type ThemeNovelty = 'NONE' | 'SOME' | 'HIGH' | 'NOT_ASSESSED';

// city-partnerships.md §7.2 D2/D5/D6 / ガイドブック §2.1, BOX 4: 1フェーズ3年, 最大2フェーズ; 新規性が全くない提案は採択対象外.
/** Phase rules (フェーズ): year in phase ≤ 3, phase ≤ 2, and the phase-2 novelty gate. */
export function phaseRules(
  input: { phase: number; yearInPhase: number; themeNovelty?: ThemeNovelty; phase1FinalFiscalYear?: number },
  preset: C3pCallPreset,
): Finding[] {
  const src = 'city-partnerships.md §7.2 / ガイドブック §2.1';
  const out: Finding[] = [];
  if (input.yearInPhase < 1 || input.yearInPhase > preset.yearsPerPhase) {
    out.push(
      finding(
        'C3P-D5',
        'error',
        `1フェーズは${preset.yearsPerPhase}年です（${input.yearInPhase}年目は不可）。`,
        `A phase lasts ${preset.yearsPerPhase} years (year ${input.yearInPhase} is not allowed).`,
        src,
      ),
    );
  }
  if (input.phase < 1 || input.phase > preset.maxPhases) {
    out.push(
      finding(
        'C3P-D6',
        'error',
        `最大${preset.maxPhases}フェーズまでです（フェーズ${input.phase}は不可）。`,
        `At most ${preset.maxPhases} phases (phase ${input.phase} is not allowed).`,
        src,
      ),
    );
  }
  if (input.phase === 2 && input.yearInPhase === 1) {
    const gateSrc = 'city-partnerships.md §7.2 D2 / ガイドブック BOX 4 過年度の成果の評価';
    if (input.themeNovelty === 'NONE') {
      out.push(
        finding(
          'C3P-D2',
          'error',
          'テーマの新規性が全くない提案は採択対象となりません。',
          'A phase-2 proposal with no theme novelty cannot be selected.',
          gateSrc,
        ),
      );
    } else if (input.themeNovelty === undefined || input.themeNovelty === 'NOT_ASSESSED') {
      out.push(
        finding(
          'C3P-D2',
          'warning',
          'フェーズ2の応募にはテーマの新規性の評価が必要です。',
          'A phase-2 application needs a theme-novelty assessment.',
          gateSrc,
        ),
      );
    }
    if (input.phase1FinalFiscalYear === preset.phase2NoveltyHigherBarForPhase1FinalFiscalYear) {
      out.push(
        finding(
          'C3P-D2',
          'info',
          '令和7年度にフェーズ1最終年度を迎えた事業は、新規性を高い要求水準で評価されます。',
          'Projects whose phase-1 final year was FY2025 are held to a higher novelty bar.',
          gateSrc,
        ),
      );
    }
  }
  return out;
}
