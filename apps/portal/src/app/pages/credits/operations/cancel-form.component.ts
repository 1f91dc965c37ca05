import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';

import { AccountView, MovementView } from '@jcm/contracts';

import { groupDigits } from '../../../i18n/number-format';
import { TranslationService } from '../../../i18n/translation.service';
import { CreditsApiService } from '../../../services/credits-api.service';
import { movedSerials, movementDone } from '../shared/movement-text';
import { OperationRunner } from '../shared/operation-runner';
import { FormMessage, checkQuantity } from '../shared/quantity';

/** 取消 (voluntary cancellation): the credits never move again. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  selector: 'jcm-cancel-form',
  styleUrl: './operation-form.scss',
  templateUrl: './cancel-form.component.html',
})
export class JcmCancelFormComponent {
  public readonly account = input.required<AccountView>();
  public readonly changed = output<void>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);
  protected readonly runner = new OperationRunner<MovementView>();
  protected readonly form = new FormGroup({
    quantity: new FormControl('', { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true }),
  });
  protected readonly errors = signal<{ quantity?: FormMessage; reason?: FormMessage }>({});
  protected readonly balance = computed(() => groupDigits(this.account().balance));
  protected readonly serials = movedSerials;

  protected submit(): void {
    if (this.runner.submitting()) return;
    const account = this.account();
    const value = this.form.getRawValue();
    const reason = value.reason.trim();
    const quantity = checkQuantity(value.quantity, account.balance);
    const errors = {
      ...('error' in quantity ? { quantity: quantity.error } : {}),
      ...(reason === '' ? { reason: { key: 'op.err.required' } satisfies FormMessage } : {}),
    };
    this.errors.set(errors);
    if ('error' in quantity || errors.reason) {
      this.runner.reset();
      return;
    }
    this.runner.run(
      (key) =>
        this.api.cancel(
          { expectedFromVersion: account.version, fromAccountId: account.id, quantity: quantity.quantity, reason },
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

  protected done(result: MovementView): string {
    return movementDone(this.i18n, result);
  }
}
