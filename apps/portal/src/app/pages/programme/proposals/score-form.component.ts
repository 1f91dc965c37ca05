import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormRecord, ReactiveFormsModule } from '@angular/forms';
import { map } from 'rxjs';

import { ProposalView, ScoreProposalCommand } from '@jcm/contracts';
import { ActionRunner, JcmProblemBoxComponent, Problem } from '@jcm/portal-ui';
import {
  C3P_FY2026_CALL1,
  C3pScoreInput,
  C3pSection1Criterion,
  C3pSection2Criterion,
  WlbCertification,
  scoreC3pProposal,
} from '@jcm/rules';

import { MessageKey } from '../../../i18n/messages.ja';
import { TranslationService } from '../../../i18n/translation.service';
import { ProgrammeApiService } from '../../../services/programme-api.service';

const S1: C3pSection1Criterion[] = [
  'originality',
  'pastResults',
  'implementationStructure',
  'policyCooperation',
  'jcmFeasibility',
  'nonJcmFeasibility',
  'synergy',
];
const S2: C3pSection2Criterion[] = ['schedule', 'managementEngineer', 'organisationalSupport'];
const WLB: WlbCertification[] = [
  'PLATINUM_ERUBOSHI',
  'ERUBOSHI_3',
  'ERUBOSHI_2',
  'ERUBOSHI_1',
  'ACTION_PLAN',
  'PLATINUM_KURUMIN',
  'KURUMIN_NEW',
  'KURUMIN_OLD',
  'YOUTH_YELL',
];

/** 採点 (審査基準及び採点表 別添6): the new or continuing 200-point table, totalled live with the shared rules. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmProblemBoxComponent, ReactiveFormsModule],
  selector: 'jcm-score-form',
  styleUrl: '../shared/programme.scss',
  templateUrl: './score-form.component.html',
})
export class JcmScoreFormComponent {
  public readonly proposal = input.required<ProposalView>();
  public readonly scored = output<ProposalView>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(ProgrammeApiService);

  protected readonly wlbOptions = WLB;
  protected readonly form = new FormGroup({
    currentInHouseEms: new FormControl(false, { nonNullable: true }),
    currentlyCertified: new FormControl(false, { nonNullable: true }),
    fiscalStrengthIndex: new FormControl('', { nonNullable: true }),
    ghgTargetPoints: new FormControl('0', { nonNullable: true }),
    municipalityKind: new FormControl<'MUNICIPALITY' | 'PREFECTURE'>('MUNICIPALITY', { nonNullable: true }),
    previouslyCertified: new FormControl(false, { nonNullable: true }),
    s1: new FormRecord(Object.fromEntries(S1.map((c) => [c, new FormControl('0', { nonNullable: true })]))),
    s2: new FormRecord(Object.fromEntries(S2.map((c) => [c, new FormControl('0', { nonNullable: true })]))),
    themeNovelty: new FormControl<'NONE' | 'SOME' | 'HIGH' | 'NOT_ASSESSED'>('NOT_ASSESSED', {
      nonNullable: true,
    }),
    wlb: new FormRecord(
      Object.fromEntries(WLB.map((c) => [c, new FormControl(false, { nonNullable: true })])),
    ),
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  protected readonly table = computed(() => C3P_FY2026_CALL1.scoring[this.proposal().kind]);
  protected readonly s1 = computed(() =>
    S1.filter((c) => this.table().section1[c] !== null).map((c) => ({
      key: c,
      max: this.table().section1[c] ?? 0,
    })),
  );
  protected readonly s2 = computed(() => S2.map((c) => ({ key: c, max: this.table().section2[c] })));
  protected readonly input = computed((): C3pScoreInput | null => {
    const v = this.value();
    // type=number inputs hand back numbers, typed-over ones strings: read both.
    const n = (raw: unknown) => Number(String(raw ?? '').trim() || '0');
    const fsi = String(v.fiscalStrengthIndex ?? '').trim() || '1';
    if (!/^\d+(\.\d+)?$/.test(fsi)) return null;
    const section1 = Object.fromEntries(
      this.s1().map(({ key }) => [key, n(v.s1[key])]),
    ) as C3pScoreInput['section1'];
    return {
      ems: {
        currentInHouseEms: v.currentInHouseEms,
        currentlyCertified: v.currentlyCertified,
        previouslyCertified: v.previouslyCertified,
      },
      ghgTargetPoints: n(v.ghgTargetPoints),
      kind: this.proposal().kind,
      municipality: { fiscalStrengthIndex: fsi, kind: v.municipalityKind },
      section1,
      section2: {
        managementEngineer: n(v.s2['managementEngineer']),
        organisationalSupport: n(v.s2['organisationalSupport']),
        schedule: n(v.s2['schedule']),
      },
      wlb: { certifications: WLB.filter((c) => v.wlb[c]) },
    };
  });
  /** Live total with the same rules the service applies (scoreC3pProposal, FY2026 first call). */
  protected readonly preview = computed(() => {
    const input = this.input();
    if (!input) return null;
    try {
      return scoreC3pProposal(input, C3P_FY2026_CALL1);
    } catch {
      return null;
    }
  });
  private readonly action = new ActionRunner();
  protected readonly busy = this.action.busy;
  protected readonly problem = this.action.problem;

  protected criterion(key: string): string {
    return this.i18n.t(`prog.score.c.${key}` as MessageKey);
  }

  protected wlbLabel(key: string): string {
    return this.i18n.t(`prog.wlb.${key}` as MessageKey);
  }

  protected noveltyLabel(key: string): string {
    return this.i18n.t(`prog.novelty.${key}` as MessageKey);
  }

  protected submit(): void {
    const input = this.input();
    if (!input || this.busy()) {
      this.problem.set({ detail: null, issues: [], key: 'prog.form.fix', refusals: [] });
      return;
    }
    const score = {
      ems: input.ems,
      ghgTargetPoints: input.ghgTargetPoints,
      municipality: input.municipality,
      section1: input.section1,
      section2: input.section2,
      wlb: input.wlb,
    };
    const command: Omit<ScoreProposalCommand, 'id'> = {
      score: score as ScoreProposalCommand['score'],
      themeNovelty: this.value().themeNovelty,
    };
    this.action.run(this.api.scoreProposal(this.proposal().id, command), (proposal) =>
      this.scored.emit(proposal),
    );
  }
}
