import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';

import { FormMessage, checkQuantity } from '../shared/quantity';
import { JcmOperationForm } from './operation-form';
import { JcmOperationOutcomeComponent } from './operation-outcome.component';
import { JcmQuantityFieldComponent } from './quantity-field.component';

/** 取消 (voluntary cancellation): the credits never move again. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmOperationOutcomeComponent, JcmQuantityFieldComponent, ReactiveFormsModule],
  selector: 'jcm-cancel-form',
  styleUrl: './operation-form.scss',
  templateUrl: './cancel-form.component.html',
})
export class JcmCancelFormComponent extends JcmOperationForm {
  protected readonly form = new FormGroup({
    quantity: new FormControl('', { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true }),
  });
  protected readonly errors = signal<{ quantity?: FormMessage; reason?: FormMessage }>({});
  protected submit(): void {
    if (this.runner.busy()) return;
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
    const confirm = {
      confirmLabel: this.i18n.t('op.submitCancel'),
      facts: [
        ...this.movementFacts(quantity.quantity),
        { label: this.i18n.t('confirm.reason'), value: reason },
      ],
      irreversible: true,
      lead: this.i18n.t('confirm.cancel.lead'),
      title: this.i18n.t('confirm.cancel.title'),
    };
    this.confirmAndSend(confirm, (key) =>
      this.api.cancel(
        {
          expectedFromVersion: account.version,
          fromAccountId: account.id,
          quantity: quantity.quantity,
          reason,
        },
        key,
      ),
    );
  }
}
