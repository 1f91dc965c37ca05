import { Directive, computed, inject, input, output } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { Observable, finalize, isObservable, of, switchMap } from 'rxjs';

import { AccountView, MovementView } from '@jcm/contracts';
import { ConfirmFact, ConfirmRequest, ConfirmService, groupDigits } from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { CreditsApiService } from '../../../services/credits-api.service';
import { creditsRunner } from '../shared/credits-problem';
import { FormMessage } from '../shared/quantity';

/** What the transfer, retire and cancel forms share: the account, its runner, and what happens after a submit. */
@Directive()
export abstract class JcmOperationForm {
  public readonly account = input.required<AccountView>();
  /** The account changed (moved, or found stale): the page reloads it. */
  public readonly changed = output<void>();

  protected readonly i18n = inject(TranslationService);
  protected readonly api = inject(CreditsApiService);
  protected readonly runner = creditsRunner<MovementView>();
  private readonly confirmation = inject(ConfirmService);
  private asking = false;
  protected readonly balance = computed(() => groupDigits(this.account().balance));
  protected abstract readonly form: FormGroup;

  /**
   * Asks first (what moves, from where, to whom), then sends the command; on success the form clears, and on
   * success or conflict the page reloads the account. Going back sends nothing and keeps the key for the retry.
   */
  protected confirmAndSend(
    confirm: ConfirmRequest | Observable<ConfirmRequest>,
    request: (idempotencyKey: string) => Observable<MovementView>,
  ): void {
    // One question at a time: a double click while the dialog is being prepared opens it once.
    if (this.asking) return;
    this.asking = true;
    (isObservable(confirm) ? confirm : of(confirm))
      .pipe(
        switchMap((question) => this.confirmation.confirm(question)),
        finalize(() => (this.asking = false)),
      )
      .subscribe((confirmed) => {
        if (confirmed) this.send(request);
      });
  }

  /** The facts every movement shows: the account it leaves and how much. */
  protected movementFacts(quantity: string): ConfirmFact[] {
    const account = this.account();
    return [
      {
        label: this.i18n.t('confirm.fromAccount'),
        testId: 'confirm-from',
        value: `${account.accountNumber}（${account.holderName}）`,
      },
      {
        label: this.i18n.t('confirm.quantity'),
        testId: 'confirm-quantity',
        value: this.i18n.t('confirm.tonnes', { quantity: groupDigits(quantity) }),
      },
    ];
  }

  private send(request: (idempotencyKey: string) => Observable<MovementView>): void {
    this.runner.run(request, {
      failed: (problem) => {
        if (problem.status === 409) this.changed.emit();
      },
      done: () => {
        this.form.reset();
        this.changed.emit();
      },
    });
  }

  protected message(message: FormMessage): string {
    return this.i18n.t(message.key, message.params);
  }
}
