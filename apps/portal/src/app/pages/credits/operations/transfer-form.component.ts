import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';

import { catchError, map, of } from 'rxjs';

import { AccountNumber } from '@jcm/contracts';
import { ConfirmRequest } from '@jcm/portal-ui';

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
    const send = (key: string) =>
      this.api.transfer(
        {
          expectedFromVersion: account.version,
          fromAccountId: account.id,
          quantity: quantity.quantity,
          toAccountNumber: to,
        },
        key,
      );
    // The holder is shown where the reader may see the account (their own, or every account for MOE); a company
    // sending to another organisation sees only the number until the registry offers a lookup by number.
    const question = this.api.fetchAccounts().pipe(
      map((page) => page.items.find((a) => a.accountNumber === to)?.holderName ?? null),
      catchError(() => of(null)),
      map((holder): ConfirmRequest => ({
        confirmLabel: this.i18n.t('op.submitTransfer'),
        facts: [
          ...this.movementFacts(quantity.quantity),
          { label: this.i18n.t('confirm.toAccount'), testId: 'confirm-to', value: to },
          {
            label: this.i18n.t('confirm.toHolder'),
            testId: 'confirm-to-holder',
            value: holder ?? this.i18n.t('confirm.toHolderUnknown'),
          },
        ],
        lead: this.i18n.t('confirm.transfer.lead'),
        title: this.i18n.t('confirm.transfer.title'),
      })),
    );
    this.confirmAndSend(question, send);
  }
}
