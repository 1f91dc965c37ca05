import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';

import {
  AccountView,
  ConfirmPendingIssuanceCommand,
  ConfirmedIssuance,
  PendingIssuanceView,
} from '@jcm/contracts';
import { JcmDatePipe, Problem, groupDigits } from '@jcm/portal-ui';

import { wholeNumberText } from '../../../i18n/number-format';
import { TranslationService } from '../../../i18n/translation.service';
import { CreditsApiService } from '../../../services/credits-api.service';
import { creditsRunner } from '../shared/credits-problem';
import { FormMessage } from '../shared/quantity';

type Field = 'account' | 'vintage' | 'decisionRef' | 'reason';

/**
 * One 発行待ち: what the TPE verified (monitoring report, period, verified tCO2), and for the registry manager the
 * confirmation (participant account, vintage, Joint Committee decision) or the rejection with a reason. Each has its
 * own Idempotency-Key (ActionRunner), so a double click or a retry issues once.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmDatePipe, ReactiveFormsModule],
  selector: 'jcm-pending-issuance-item',
  styleUrl: './pending-issuances-page.component.scss',
  templateUrl: './pending-issuance-item.component.html',
})
export class JcmPendingIssuanceItemComponent implements OnInit {
  public readonly pending = input.required<PendingIssuanceView>();
  public readonly accounts = input.required<AccountView[]>();
  public readonly canDecide = input.required<boolean>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);

  protected readonly confirmRunner = creditsRunner<ConfirmedIssuance>();
  protected readonly rejectRunner = creditsRunner<PendingIssuanceView>();
  protected readonly errors = signal<Partial<Record<Field, FormMessage>>>({});
  protected readonly form = new FormGroup({
    account: new FormControl('', { nonNullable: true }),
    decisionRef: new FormControl('', { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true }),
    vintage: new FormControl('', { nonNullable: true }),
  });

  public ngOnInit(): void {
    this.form.controls.vintage.setValue(String(this.pending().suggestedVintage));
  }

  protected tonnes(value: string): string {
    return groupDigits(value);
  }

  protected message(message: FormMessage | Problem): string {
    return this.i18n.text(message.key, message.params);
  }

  protected fieldError(field: Field, issuePath: string): string[] {
    const own = this.errors()[field];
    const runner = field === 'reason' ? this.rejectRunner : this.confirmRunner;
    return [...(own ? [this.message(own)] : []), ...runner.issuesFor(issuePath)];
  }

  protected decided(): boolean {
    return this.confirmRunner.result() !== null || this.rejectRunner.result() !== null;
  }

  protected confirm(): void {
    if (this.confirmRunner.busy() || this.rejectRunner.busy()) return;
    this.rejectRunner.reset();
    const value = this.form.getRawValue();
    const errors: Partial<Record<Field, FormMessage>> = {};
    const required: FormMessage = { key: 'op.err.required' };
    if (value.account === '') errors.account = required;
    if (value.decisionRef.trim() === '') errors.decisionRef = required;
    const vintage = Number(wholeNumberText(value.vintage) ?? NaN);
    if (!(vintage >= 2013 && vintage <= 2100)) errors.vintage = { key: 'issue.err.vintage' };
    this.errors.set(errors);
    if (Object.keys(errors).length > 0) {
      this.confirmRunner.reset();
      return;
    }
    const command: Omit<ConfirmPendingIssuanceCommand, 'id'> = {
      jointCommitteeDecisionRef: value.decisionRef.trim(),
      participantAllocations: [{ accountId: value.account }],
      vintage,
    };
    this.confirmRunner.run((key) => this.api.confirmPendingIssuance(this.pending().id, command, key), {
      done: () => undefined,
    });
  }

  protected reject(): void {
    if (this.confirmRunner.busy() || this.rejectRunner.busy()) return;
    this.confirmRunner.reset();
    const reason = this.form.getRawValue().reason.trim();
    this.errors.set(reason === '' ? { reason: { key: 'pending.err.reason' } } : {});
    if (reason === '') {
      this.rejectRunner.reset();
      return;
    }
    this.rejectRunner.run((key) => this.api.rejectPendingIssuance(this.pending().id, reason, key), {
      done: () => undefined,
    });
  }
}
