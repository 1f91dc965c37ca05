import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';

import { AccountNumber } from '@jcm/contracts';

import { FormMessage, checkQuantity } from '../shared/quantity';
import { JcmOperationForm } from './operation-form';
import { JcmOperationOutcomeComponent } from './operation-outcome.component';
import { JcmQuantityFieldComponent } from './quantity-field.component';

/** 移転: to another holding account of the same registry, by account number. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmOperationOutcomeComponent, JcmQuantityFieldComponent, ReactiveFormsModule],
  selector: 'jcm-transfer-form',
  styleUrl: './operation-form.scss',
  templateUrl: './transfer-form.component.html',
})
export class JcmTransferFormComponent extends JcmOperationForm {
  protected readonly form = new FormGroup({
    quantity: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });
  protected readonly errors = signal<{ to?: FormMessage; quantity?: FormMessage }>({});

  protected submit(): void {
    if (this.runner.busy()) return;
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
    this.send((key) =>
      this.api.transfer(
        { expectedFromVersion: account.version, fromAccountId: account.id, quantity: quantity.quantity, toAccountNumber: to },
        key,
      ),
    );
  }
}
