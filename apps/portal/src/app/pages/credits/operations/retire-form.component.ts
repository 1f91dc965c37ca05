import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';

import { RetirementPurpose } from '@jcm/contracts';

import { FormMessage, checkQuantity } from '../shared/quantity';
import { JcmOperationForm } from './operation-form';
import { JcmOperationOutcomeComponent } from './operation-outcome.component';
import { JcmQuantityFieldComponent } from './quantity-field.component';

/** 償却: credits go to the registry's retirement account for good, for a stated purpose and beneficiary. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmOperationOutcomeComponent, JcmQuantityFieldComponent, ReactiveFormsModule],
  selector: 'jcm-retire-form',
  styleUrl: './operation-form.scss',
  templateUrl: './retire-form.component.html',
})
export class JcmRetireFormComponent extends JcmOperationForm {
  protected readonly purposes = RetirementPurpose.options;
  protected readonly form = new FormGroup({
    beneficiary: new FormControl('', { nonNullable: true }),
    note: new FormControl('', { nonNullable: true }),
    purpose: new FormControl<RetirementPurpose>('NDC_ACHIEVEMENT', { nonNullable: true }),
    quantity: new FormControl('', { nonNullable: true }),
  });
  protected readonly errors = signal<{ quantity?: FormMessage; beneficiary?: FormMessage }>({});

  protected submit(): void {
    if (this.runner.busy()) return;
    const account = this.account();
    const value = this.form.getRawValue();
    const beneficiary = value.beneficiary.trim();
    const note = value.note.trim();
    const quantity = checkQuantity(value.quantity, account.balance);
    const errors = {
      ...('error' in quantity ? { quantity: quantity.error } : {}),
      ...(beneficiary === '' ? { beneficiary: { key: 'op.err.required' } satisfies FormMessage } : {}),
    };
    this.errors.set(errors);
    if ('error' in quantity || errors.beneficiary) {
      this.runner.reset();
      return;
    }
    const confirm = {
      confirmLabel: this.i18n.t('op.submitRetire'),
      facts: [
        ...this.movementFacts(quantity.quantity),
        { label: this.i18n.t('confirm.purpose'), value: this.purposeLabel(value.purpose) },
        { label: this.i18n.t('confirm.beneficiary'), testId: 'confirm-beneficiary', value: beneficiary },
      ],
      irreversible: true,
      lead: this.i18n.t('confirm.retire.lead'),
      title: this.i18n.t('confirm.retire.title'),
    };
    this.confirmAndSend(confirm, (key) =>
      this.api.retire(
        {
          beneficiary,
          expectedFromVersion: account.version,
          fromAccountId: account.id,
          purpose: value.purpose,
          quantity: quantity.quantity,
          ...(note ? { note } : {}),
        },
        key,
      ),
    );
  }

  protected purposeLabel(purpose: RetirementPurpose): string {
    return this.i18n.t(`op.purpose.${purpose}`);
  }
}
