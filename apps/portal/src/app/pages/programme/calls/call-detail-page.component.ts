import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BehaviorSubject } from 'rxjs';

import { CALL_TRANSITIONS, CallAction, canApply, canManageCalls, canReviewProposals } from '@jcm/contracts';
import {
  JCM_FORMAT_PIPES,
  ActionRunner,
  ConfirmRequest,
  ConfirmService,
  JcmLoadStatusComponent,
  JcmProblemBoxComponent,
  Problem,
  formatDate,
  loadFor,
  loaded,
  pick,
} from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { SessionService } from '../../../core/session.service';
import { MessageKey } from '../../../i18n/messages.ja';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { JcmProposalTableComponent } from '../shared/proposal-table.component';

const ACTIONS = Object.keys(CALL_TRANSITIONS) as CallAction[];

/** 公募の詳細: its state with the next step for MOE, and the proposals received (MOE) or how to apply (company). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    JCM_FORMAT_PIPES,
    JcmLoadStatusComponent,
    JcmProblemBoxComponent,
    JcmProposalTableComponent,
    RouterLink,
  ],
  selector: 'jcm-call-detail-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './call-detail-page.component.html',
})
export class JcmCallDetailPageComponent {
  protected readonly i18n = inject(TranslationService);
  public readonly id = input.required<string>();

  private readonly api = inject(ProgrammeApiService);
  private readonly session = inject(SessionService);
  private readonly confirmation = inject(ConfirmService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly state = loadFor(this.id, this.reload$, (id) => this.api.fetchCall(id));
  protected readonly call = computed(() => loaded(this.state()));
  protected readonly manages = computed(() => {
    const actor = this.session.actor();
    return actor !== null && canManageCalls(actor);
  });
  protected readonly reviews = computed(() => {
    const actor = this.session.actor();
    return actor !== null && canReviewProposals(actor);
  });
  /** A Japanese municipality or a partner city: they take part in a proposal but never submit one (C3P-E1). */
  protected readonly citySide = computed(() => {
    const type = this.session.actor()?.orgType;
    return type === 'MUNICIPALITY' || type === 'PARTNER_CITY' ? type : null;
  });
  protected readonly applies = computed(() => {
    const actor = this.session.actor();
    return actor !== null && canApply(actor);
  });
  protected readonly proposals = loadFor(this.id, this.reload$, (callId) =>
    this.api.fetchProposals({ callId, limit: 200, sort: '-scoreTotal' }),
  );
  protected readonly proposalsData = computed(() => loaded(this.proposals()));
  /** The single next step from the current state (§6.1). */
  protected readonly nextActions = computed(() => {
    const call = this.call();
    return call
      ? ACTIONS.filter((action) => (CALL_TRANSITIONS[action].from as readonly string[]).includes(call.state))
      : [];
  });
  private readonly action = new ActionRunner();
  protected readonly busy = this.action.busy;
  protected readonly problem = this.action.problem;
  protected readonly done = signal<MessageKey | null>(null);

  protected run(action: CallAction): void {
    const call = this.call();
    if (!call || this.busy()) return;
    if (action === 'close') {
      // Closing ends the intake for good: say which call and how many proposals it holds before sending.
      const language = this.i18n.language();
      const question: ConfirmRequest = {
        confirmLabel: this.actionLabel(action),
        facts: [
          { label: this.i18n.t('confirm.call'), value: pick(language, call.titleJa, call.titleEn) },
          {
            label: this.i18n.t('confirm.callPeriod'),
            value: `${formatDate(call.opensOn, language)} – ${formatDate(call.closesOn, language)}`,
          },
          ...(this.reviews()
            ? [
                {
                  label: this.i18n.t('confirm.proposals'),
                  testId: 'confirm-proposals',
                  value: this.i18n.t('confirm.proposalsCount', { count: this.proposalsData()?.total ?? 0 }),
                },
              ]
            : []),
        ],
        irreversible: true,
        lead: this.i18n.t('confirm.close.lead'),
        title: this.i18n.t('confirm.close.title'),
      };
      this.confirmation.confirm(question).subscribe((confirmed) => {
        if (confirmed) this.send(call.id, action);
      });
      return;
    }
    this.send(call.id, action);
  }

  private send(callId: string, action: CallAction): void {
    this.action.run(this.api.transitionCall(callId, action), () => {
      this.done.set(`prog.call.done.${action}` as MessageKey);
      this.reload$.next();
    });
  }

  protected actionLabel(action: CallAction): string {
    return this.i18n.t(`prog.call.action.${action}` as MessageKey);
  }

  protected actionHint(action: CallAction): string {
    return this.i18n.t(`prog.call.actionHint.${action}` as MessageKey);
  }
}
