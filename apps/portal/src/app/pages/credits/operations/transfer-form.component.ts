import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';

import { AccountNumber, AccountView, MovementView } from '@jcm/contracts';

import { groupDigits } from '../../../i18n/number-format';
import { TranslationService } from '../../../i18n/translation.service';
import { CreditsApiService } from '../../../services/credits-api.service';
import { movedSerials, movementDone } from '../shared/movement-text';
import { OperationRunner } from '../shared/operation-runner';
import { FormMessage, checkQuantity } from '../shared/quantity';

/** 移転: to another holding account of the same registry, by account number. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  selector: 'jcm-transfer-form',
  styleUrl: './operation-form.scss',
  templateUrl: './transfer-form.component.html',
})
export class JcmTransferFormComponent {
  public readonly account = input.required<AccountView>();
  /** The account changed (moved, or found stale): the page reloads it. */
  public readonly changed = output<void>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);
  protected readonly runner = new OperationRunner<MovementView>();
  protected readonly form = new FormGroup({
    quantity: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });
  protected readonly errors = signal<{ to?: FormMessage; quantity?: FormMessage }>({});
  protected readonly balance = computed(() => groupDigits(this.account().balance));

  protected submit(): void {
    if (this.runner.submitting()) return;
    const account = this.account();
    const value = this.form.getRawValue();
    const to = value.to.trim().toUpperCase();
    const errors: { to?: FormMessage; quantity?: FormMessage } = {};
    if (to === '') errors.to = { key: 'op.err.required' };
    else if (!AccountNumber.safeParse(to).success) errors.to = { key: 'op.err.account' };
    else if (to === account.accountNumber) errors.to = { key: 'op.err.sameAccount' };
    const quantity = checkQuantity(value.quantity, account.balance);
    if ('error' in quantity) errors.quantity = quantity.error;
    this.errors.set(errors);
    if (errors.to || 'error' in quantity) {
      this.runner.reset();
      return;
    }
    this.runner.run(
      (key) =>
        this.api.transfer(
          { expectedFromVersion: account.version, fromAccountId: account.id, quantity: quantity.quantity, toAccountNumber: to },
          key,
        ),
      {
        conflict: () => this.changed.emit(),
        done: () => {
          this.form.reset();
          this.changed.emit();
        },
      },
    );
  }

  protected message(message: FormMessage): string {
    return this.i18n.t(message.key, message.params);
  }

  protected readonly serials = movedSerials;

  protected done(result: MovementView): string {
    return movementDone(this.i18n, result);
  }
}
