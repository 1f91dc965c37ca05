import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BehaviorSubject } from 'rxjs';

import { CONTRACT_TRANSITIONS, ContractAction, canReviewProposals } from '@jcm/contracts';
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
  yen,
} from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { SessionService } from '../../../core/session.service';
import { MessageKey } from '../../../i18n/messages.ja';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { hasFlag } from '../proposals/proposal-detail-page.component';
import { JcmBudgetTableComponent } from '../shared/budget-table.component';

/** MOE's forward steps shown as buttons; suspension stays with the separate 減額・中止 procedure. */
const FORWARD: ContractAction[] = [
  'sign',
  'report-kickoff',
  'start-work',
  'report-interim',
  'report-final',
  'submit-deliverables',
  'settle',
  'close',
];

/** 単年度契約: amounts, budget, state steps (MOE) and the twelve monthly reports with what is late. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    JCM_FORMAT_PIPES,
    JcmBudgetTableComponent,
    JcmLoadStatusComponent,
    JcmProblemBoxComponent,
    RouterLink,
  ],
  selector: 'jcm-contract-detail-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './contract-detail-page.component.html',
})
export class JcmContractDetailPageComponent {
  protected readonly i18n = inject(TranslationService);
  public readonly id = input.required<string>();

  private readonly api = inject(ProgrammeApiService);
  private readonly session = inject(SessionService);
  private readonly confirmation = inject(ConfirmService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly justSelected = hasFlag(inject(Location).getState(), 'selected');
  protected readonly state = loadFor(this.id, this.reload$, (id) => this.api.fetchContract(id));
  protected readonly contract = computed(() => loaded(this.state()));
  protected readonly reportsState = loadFor(this.id, this.reload$, (id) => this.api.fetchContractReports(id));
  protected readonly reports = computed(() => loaded(this.reportsState())?.items ?? []);
  protected readonly overdueCount = computed(() => this.reports().filter((r) => r.overdue).length);
  protected readonly oversight = computed(() => {
    const actor = this.session.actor();
    return actor !== null && canReviewProposals(actor);
  });
  protected readonly nextActions = computed(() => {
    const contract = this.contract();
    return contract
      ? FORWARD.filter((a) => (CONTRACT_TRANSITIONS[a].from as readonly string[]).includes(contract.state))
      : [];
  });
  private readonly action = new ActionRunner();
  protected readonly busy = this.action.busy;
  protected readonly problem = this.action.problem;

  protected run(action: ContractAction): void {
    const contract = this.contract();
    if (!contract || this.busy()) return;
    const send = () =>
      this.action.run(this.api.contractAction(contract.id, action), () => this.reload$.next());
    if (action !== 'sign') return void send();
    // Signing fixes the amount with the contractor: show both parties and the amount before sending.
    const language = this.i18n.language();
    const name = (p: { nameJa: string; nameEn: string }) => pick(language, p.nameJa, p.nameEn);
    const question: ConfirmRequest = {
      confirmLabel: this.actionLabel(action),
      facts: [
        { label: this.i18n.t('confirm.contract'), value: pick(language, contract.titleJa, contract.titleEn) },
        { label: this.i18n.t('confirm.company'), testId: 'confirm-company', value: name(contract.company) },
        { label: this.i18n.t('confirm.municipality'), value: name(contract.municipality) },
        { label: this.i18n.t('confirm.partnerCity'), value: name(contract.partnerCity) },
        {
          label: this.i18n.t('confirm.amount'),
          testId: 'confirm-amount',
          value: yen(contract.contractAmountYen, language),
        },
        {
          label: this.i18n.t('confirm.term'),
          value: `${formatDate(contract.startDate, language)} – ${formatDate(contract.endDate, language)}`,
        },
      ],
      irreversible: true,
      lead: this.i18n.t('confirm.sign.lead'),
      title: this.i18n.t('confirm.sign.title'),
    };
    this.confirmation.confirm(question).subscribe((confirmed) => {
      if (confirmed) send();
    });
  }

  protected actionLabel(action: ContractAction): string {
    return this.i18n.t(`prog.contract.action.${action}` as MessageKey);
  }
}
