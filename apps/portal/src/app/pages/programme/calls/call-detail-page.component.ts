import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { BehaviorSubject, combineLatest, switchMap } from 'rxjs';

import { CALL_TRANSITIONS, CallAction, CallView, ProposalView, canApply, canManageCalls, canReviewProposals } from '@jcm/contracts';

import { SessionService } from '../../../core/session.service';
import { MessageKey } from '../../../i18n/messages.ja';
import { TranslationService } from '../../../i18n/translation.service';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { JcmProblemBoxComponent } from '../shared/problem-box.component';
import { LoadState, loadState, loaded } from '../shared/load-state';
import { Problem, problemOf } from '../shared/programme-problems';
import { LabelGroup, calendarDate, fiscalYearLabel, party, titleOf, yen } from '../shared/programme-labels';

const ACTIONS = Object.keys(CALL_TRANSITIONS) as CallAction[];

/** 公募の詳細: its state with the next step for MOE, and the proposals received (MOE) or how to apply (company). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmProblemBoxComponent, RouterLink],
  selector: 'jcm-call-detail-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './call-detail-page.component.html',
})
export class JcmCallDetailPageComponent {
  public readonly id = input.required<string>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(ProgrammeApiService);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly state = toSignal(
    combineLatest([toObservable(this.id), this.reload$]).pipe(switchMap(([id]) => loadState(this.api.fetchCall(id)))),
    { initialValue: { status: 'loading' } as LoadState<CallView> },
  );
  protected readonly call = computed(() => loaded(this.state()));
  protected readonly manages = computed(() => {
    const actor = this.session.actor();
    return actor !== null && canManageCalls(actor);
  });
  protected readonly reviews = computed(() => {
    const actor = this.session.actor();
    return actor !== null && canReviewProposals(actor);
  });
  protected readonly applies = computed(() => {
    const actor = this.session.actor();
    return actor !== null && canApply(actor);
  });
  protected readonly proposals = toSignal(
    combineLatest([toObservable(this.id), this.reload$]).pipe(
      switchMap(([callId]) => loadState(this.api.fetchProposals({ callId, limit: 200, sort: '-scoreTotal' }))),
    ),
    { initialValue: { status: 'loading' } as LoadState<{ items: ProposalView[]; total: number }> },
  );
  protected readonly proposalsData = computed(() => loaded(this.proposals()));
  /** The single next step from the current state (§6.1). */
  protected readonly nextActions = computed(() => {
    const call = this.call();
    return call ? ACTIONS.filter((action) => (CALL_TRANSITIONS[action].from as readonly string[]).includes(call.state)) : [];
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly done = signal<MessageKey | null>(null);

  protected run(action: CallAction): void {
    const call = this.call();
    if (!call || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.transitionCall(call.id, action).subscribe({
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(problemOf(error));
      },
      next: () => {
        this.busy.set(false);
        this.done.set(`prog.call.done.${action}` as MessageKey);
        this.reload$.next();
      },
    });
  }

  protected actionLabel(action: CallAction): string {
    return this.i18n.t(`prog.call.action.${action}` as MessageKey);
  }

  protected actionHint(action: CallAction): string {
    return this.i18n.t(`prog.call.actionHint.${action}` as MessageKey);
  }

  protected label(group: LabelGroup, value: string): string {
    return this.i18n.t(`prog.${group}.${value}` as MessageKey);
  }

  protected title(record: { titleJa: string; titleEn: string }): string {
    return titleOf(record, this.i18n.language());
  }

  protected name(ref: ProposalView['company']): string {
    return party(ref, this.i18n.language());
  }

  protected date(value: string): string {
    return calendarDate(value, this.i18n.language());
  }

  protected fy(value: number): string {
    return fiscalYearLabel(value, this.i18n.language());
  }

  protected amount(value: number): string {
    return yen(value, this.i18n.language());
  }
}
