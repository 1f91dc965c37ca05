import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { BehaviorSubject, Observable } from 'rxjs';

import {
  InterestLetterView,
  LetterIssuerRole,
  ProposalView,
  canReviewProposals,
  isContractor,
} from '@jcm/contracts';
import {
  JCM_FORMAT_PIPES,
  ActionRunner,
  JcmLoadStatusComponent,
  JcmProblemBoxComponent,
  loadFor,
  loaded,
  pick,
} from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { JcmFindingsListComponent } from '../../../components/findings-list/findings-list.component';
import { SessionService } from '../../../core/session.service';
import { MessageKey } from '../../../i18n/messages.ja';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { JcmBudgetTableComponent } from '../shared/budget-table.component';
import { JcmScoreFormComponent } from './score-form.component';

/** 企画書の詳細: content and budget; letters and submission (company); scoring and the decision (MOE). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    JCM_FORMAT_PIPES,
    JcmBudgetTableComponent,
    JcmFindingsListComponent,
    JcmLoadStatusComponent,
    JcmProblemBoxComponent,
    JcmScoreFormComponent,
    RouterLink,
  ],
  selector: 'jcm-proposal-detail-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './proposal-detail-page.component.html',
})
export class JcmProposalDetailPageComponent {
  protected readonly i18n = inject(TranslationService);
  public readonly id = input.required<string>();

  private readonly api = inject(ProgrammeApiService);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly justCreated = hasFlag(inject(Location).getState(), 'created');
  // A reload after an action keeps the page (and the score form with the marks just saved) until the new reply.
  protected readonly state = loadFor(this.id, this.reload$, (id) => this.api.fetchProposal(id), {
    quietReload: true,
  });
  protected readonly proposal = computed(() => loaded(this.state()));
  protected readonly lettersState = loadFor(this.id, this.reload$, (proposalId) =>
    this.api.fetchLetters({ proposalId }),
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
      {
        name: pick(this.i18n.language(), proposal.municipality.nameJa, proposal.municipality.nameEn),
        orgId: proposal.municipality.orgId,
        role: 'JP_MUNICIPALITY',
      },
      {
        name: pick(this.i18n.language(), proposal.partnerCity.nameJa, proposal.partnerCity.nameEn),
        orgId: proposal.partnerCity.orgId,
        role: 'PARTNER_CITY',
      },
    ];
    return wanted.filter((w) => !asked.has(w.orgId));
  });
  private readonly action = new ActionRunner();
  protected readonly busy = this.action.busy;
  protected readonly problem = this.action.problem;
  protected readonly done = signal<MessageKey | null>(null);
  protected readonly rejectReason = signal('');

  protected t(key: string): string {
    return this.i18n.t(key as MessageKey);
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
    this.done.set(null);
    // 採択 creates the year's contract: the runner's Idempotency-Key makes a retry find it instead of a second one.
    this.action.run(
      (key) => this.api.selectProposal(proposal.id, key),
      (contract) =>
        void this.router.navigate(['/programme/contracts', contract.id], { state: { selected: true } }),
    );
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
    this.done.set(null);
    this.action.run(source, () => {
      this.done.set(doneKey);
      this.reload$.next();
    });
  }
}

export function hasFlag(state: unknown, flag: string): boolean {
  return (
    typeof state === 'object' &&
    state !== null &&
    flag in state &&
    (state as Record<string, unknown>)[flag] === true
  );
}
