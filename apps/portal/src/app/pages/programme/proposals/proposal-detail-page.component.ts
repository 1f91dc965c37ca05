import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { BehaviorSubject, Observable, combineLatest, switchMap } from 'rxjs';

import { InterestLetterView, LetterIssuerRole, ProposalView, canReviewProposals, isContractor } from '@jcm/contracts';

import { JcmFindingsListComponent } from '../../../components/findings-list/findings-list.component';
import { newIdempotencyKey } from '../../../core/idempotency';
import { SessionService } from '../../../core/session.service';
import { MessageKey } from '../../../i18n/messages.ja';
import { TranslationService } from '../../../i18n/translation.service';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { JcmProblemBoxComponent } from '../shared/problem-box.component';
import { LoadState, loadState, loaded } from '../shared/load-state';
import { Problem, problemOf } from '../shared/programme-problems';
import { LabelGroup, fiscalYearLabel, party, titleOf, yen } from '../shared/programme-labels';
import { JcmScoreFormComponent } from './score-form.component';

/** 企画書の詳細: content and budget; letters and submission (company); scoring and the decision (MOE). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmFindingsListComponent, JcmProblemBoxComponent, JcmScoreFormComponent, RouterLink],
  selector: 'jcm-proposal-detail-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './proposal-detail-page.component.html',
})
export class JcmProposalDetailPageComponent {
  public readonly id = input.required<string>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(ProgrammeApiService);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly justCreated = hasFlag(inject(Location).getState(), 'created');
  protected readonly state = toSignal(
    combineLatest([toObservable(this.id), this.reload$]).pipe(switchMap(([id]) => loadState(this.api.fetchProposal(id)))),
    { initialValue: { status: 'loading' } as LoadState<ProposalView> },
  );
  protected readonly proposal = computed(() => loaded(this.state()));
  protected readonly lettersState = toSignal(
    combineLatest([toObservable(this.id), this.reload$]).pipe(switchMap(([proposalId]) => loadState(this.api.fetchLetters({ proposalId })))),
    { initialValue: { status: 'loading' } as LoadState<{ items: InterestLetterView[]; total: number }> },
  );
  protected readonly letters = computed(() => loaded(this.lettersState())?.items ?? []);
  protected readonly contractor = computed(() => {
    const actor = this.session.actor();
    const proposal = this.proposal();
    return actor !== null && proposal !== null && isContractor(actor, proposal.company.orgId);
  });
  protected readonly reviewer = computed(() => {
    const actor = this.session.actor();
    return actor !== null && canReviewProposals(actor);
  });
  /** Issuers still to be asked for a letter (⑨: the Japanese municipality and the partner city). */
  protected readonly missingIssuers = computed(() => {
    const proposal = this.proposal();
    if (!proposal) return [];
    const asked = new Set(this.letters().map((l) => l.issuer.orgId));
    const wanted: { orgId: string; role: LetterIssuerRole; name: string }[] = [
      { name: party(proposal.municipality, this.i18n.language()), orgId: proposal.municipality.orgId, role: 'JP_MUNICIPALITY' },
      { name: party(proposal.partnerCity, this.i18n.language()), orgId: proposal.partnerCity.orgId, role: 'PARTNER_CITY' },
    ];
    return wanted.filter((w) => !asked.has(w.orgId));
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly done = signal<MessageKey | null>(null);
  protected readonly rejectReason = signal('');
  private selectKey = newIdempotencyKey();

  protected label(group: LabelGroup, value: string): string {
    return this.i18n.t(`prog.${group}.${value}` as MessageKey);
  }

  protected t(key: string): string {
    return this.i18n.t(key as MessageKey);
  }

  protected title(record: { titleJa: string; titleEn: string }): string {
    return titleOf(record, this.i18n.language());
  }

  protected name(ref: ProposalView['company']): string {
    return party(ref, this.i18n.language());
  }

  protected amount(value: number): string {
    return yen(value, this.i18n.language());
  }

  protected fy(value: number): string {
    return fiscalYearLabel(value, this.i18n.language());
  }

  protected summary(proposal: ProposalView): string {
    return this.i18n.language() === 'ja' ? proposal.summaryJa : proposal.summaryEn;
  }

  protected requestLetter(orgId: string, role: LetterIssuerRole): void {
    const proposal = this.proposal();
    if (proposal) this.act(this.api.requestLetter(proposal.id, orgId, role), 'prog.letter.done.requested');
  }

  protected attach(letter: InterestLetterView): void {
    this.act(this.api.attachLetterToProposal(letter.id), 'prog.letter.done.attached');
  }

  protected submitProposal(): void {
    const proposal = this.proposal();
    if (proposal) this.act(this.api.proposalAction(proposal.id, 'submit'), 'prog.proposal.done.submitted');
  }

  protected withdraw(): void {
    const proposal = this.proposal();
    if (proposal) this.act(this.api.proposalAction(proposal.id, 'withdraw'), 'prog.proposal.done.withdrawn');
  }

  protected onScored(): void {
    this.done.set('prog.score.done');
    this.problem.set(null);
    this.reload$.next();
  }

  protected select(): void {
    const proposal = this.proposal();
    if (!proposal || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.selectProposal(proposal.id, this.selectKey).subscribe({
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(problemOf(error));
      },
      next: (contract) => {
        this.selectKey = newIdempotencyKey();
        void this.router.navigate(['/programme/contracts', contract.id], { state: { selected: true } });
      },
    });
  }

  protected reject(): void {
    const proposal = this.proposal();
    const reason = this.rejectReason().trim();
    if (!proposal) return;
    if (!reason) {
      this.problem.set({ detail: null, issues: [], key: 'prog.proposal.err.reason', refusals: [] });
      return;
    }
    this.act(this.api.rejectProposal(proposal.id, reason), 'prog.proposal.done.rejected');
  }

  private act(source: Observable<unknown>, doneKey: MessageKey): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.done.set(null);
    source.subscribe({
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(problemOf(error));
      },
      next: () => {
        this.busy.set(false);
        this.done.set(doneKey);
        this.reload$.next();
      },
    });
  }
}

export function hasFlag(state: unknown, flag: string): boolean {
  return typeof state === 'object' && state !== null && flag in state && (state as Record<string, unknown>)[flag] === true;
}
