import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';

import { AccountView, MovementView, RetirementPurpose } from '@jcm/contracts';

import { groupDigits } from '../../../i18n/number-format';
import { TranslationService } from '../../../i18n/translation.service';
import { CreditsApiService } from '../../../services/credits-api.service';
import { movedSerials, movementDone } from '../shared/movement-text';
import { OperationRunner } from '../shared/operation-runner';
import { FormMessage, checkQuantity } from '../shared/quantity';

/** 償却: credits go to the registry's retirement account for good, for a stated purpose and beneficiary. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  selector: 'jcm-retire-form',
  styleUrl: './operation-form.scss',
  templateUrl: './retire-form.component.html',
})
export class JcmRetireFormComponent {
  public readonly account = input.required<AccountView>();
  public readonly changed = output<void>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);
  protected readonly runner = new OperationRunner<MovementView>();
  protected readonly purposes = RetirementPurpose.options;
  protected readonly form = new FormGroup({
    beneficiary: new FormControl('', { nonNullable: true }),
    note: new FormControl('', { nonNullable: true }),
    purpose: new FormControl<RetirementPurpose>('NDC_ACHIEVEMENT', { nonNullable: true }),
    quantity: new FormControl('', { nonNullable: true }),
  });
  protected readonly errors = signal<{ quantity?: FormMessage; beneficiary?: FormMessage }>({});
  protected readonly balance = computed(() => groupDigits(this.account().balance));
  protected readonly serials = movedSerials;

  protected submit(): void {
    if (this.runner.submitting()) return;
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
    this.runner.run(
      (key) =>
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
      {
        conflict: () => this.changed.emit(),
        done: () => {
          this.form.reset();
          this.changed.emit();
        },
      },
    );
  }

  protected purposeLabel(purpose: RetirementPurpose): string {
    return this.i18n.t(`op.purpose.${purpose}`);
  }

  protected message(message: FormMessage): string {
    return this.i18n.t(message.key, message.params);
  }

  protected done(result: MovementView): string {
    return movementDone(this.i18n, result);
  }
}
