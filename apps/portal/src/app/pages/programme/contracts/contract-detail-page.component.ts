import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { BehaviorSubject, combineLatest, switchMap } from 'rxjs';

import { AnnualContractView, CONTRACT_TRANSITIONS, ContractAction, MonthlyReportView, canReviewProposals } from '@jcm/contracts';

import { SessionService } from '../../../core/session.service';
import { MessageKey } from '../../../i18n/messages.ja';
import { TranslationService } from '../../../i18n/translation.service';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { hasFlag } from '../proposals/proposal-detail-page.component';
import { JcmProblemBoxComponent } from '../shared/problem-box.component';
import { LoadState, loadState, loaded } from '../shared/load-state';
import { Problem, problemOf } from '../shared/programme-problems';
import { LabelGroup, calendarDate, fiscalYearLabel, monthLabel, party, titleOf, yen } from '../shared/programme-labels';

/** MOE's forward steps shown as buttons; suspension stays with the separate 減額・中止 procedure. */
const FORWARD: ContractAction[] = ['sign', 'report-kickoff', 'start-work', 'report-interim', 'report-final', 'submit-deliverables', 'settle', 'close'];

/** 単年度契約: amounts, budget, state steps (MOE) and the twelve monthly reports with what is late. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmProblemBoxComponent, RouterLink],
  selector: 'jcm-contract-detail-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './contract-detail-page.component.html',
})
export class JcmContractDetailPageComponent {
  public readonly id = input.required<string>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(ProgrammeApiService);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly justSelected = hasFlag(inject(Location).getState(), 'selected');
  protected readonly state = toSignal(
    combineLatest([toObservable(this.id), this.reload$]).pipe(switchMap(([id]) => loadState(this.api.fetchContract(id)))),
    { initialValue: { status: 'loading' } as LoadState<AnnualContractView> },
  );
  protected readonly contract = computed(() => loaded(this.state()));
  protected readonly reportsState = toSignal(
    combineLatest([toObservable(this.id), this.reload$]).pipe(switchMap(([id]) => loadState(this.api.fetchContractReports(id)))),
    { initialValue: { status: 'loading' } as LoadState<{ items: MonthlyReportView[]; total: number }> },
  );
  protected readonly reports = computed(() => loaded(this.reportsState())?.items ?? []);
  protected readonly overdueCount = computed(() => this.reports().filter((r) => r.overdue).length);
  protected readonly oversight = computed(() => {
    const actor = this.session.actor();
    return actor !== null && canReviewProposals(actor);
  });
  protected readonly nextActions = computed(() => {
    const contract = this.contract();
    return contract ? FORWARD.filter((a) => (CONTRACT_TRANSITIONS[a].from as readonly string[]).includes(contract.state)) : [];
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected run(action: ContractAction): void {
    const contract = this.contract();
    if (!contract || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.contractAction(contract.id, action).subscribe({
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(problemOf(error));
      },
      next: () => {
        this.busy.set(false);
        this.reload$.next();
      },
    });
  }

  protected actionLabel(action: ContractAction): string {
    return this.i18n.t(`prog.contract.action.${action}` as MessageKey);
  }

  protected label(group: LabelGroup, value: string): string {
    return this.i18n.t(`prog.${group}.${value}` as MessageKey);
  }

  protected title(record: { titleJa: string; titleEn: string }): string {
    return titleOf(record, this.i18n.language());
  }

  protected name(ref: AnnualContractView['company']): string {
    return party(ref, this.i18n.language());
  }

  protected amount(value: number): string {
    return yen(value, this.i18n.language());
  }

  protected date(value: string): string {
    return calendarDate(value, this.i18n.language());
  }

  protected month(value: string): string {
    return monthLabel(value, this.i18n.language());
  }

  protected fy(value: number): string {
    return fiscalYearLabel(value, this.i18n.language());
  }
}
