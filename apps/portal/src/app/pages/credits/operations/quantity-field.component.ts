import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';

import { ActionRunner } from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { FormMessage } from '../shared/quantity';

/** The quantity field of an operation form; its ids and test hook start with the form's name ("transfer-quantity"). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field', '[class.field--invalid]': 'error() || runner().issuesFor("quantity").length' },
  imports: [ReactiveFormsModule],
  selector: 'jcm-quantity-field',
  styles:
    ':host { display: block; } .input--number { max-width: 16rem; text-align: right; font-variant-numeric: tabular-nums; }',
  template: `
    <label class="field__label" [attr.for]="id()">{{ i18n.t('op.quantity') }}</label>
    <span class="field__hint" [attr.id]="id() + '-hint'">{{
      i18n.t('op.quantityHint', { balance: balance() })
    }}</span>
    @if (error(); as error) {
      <span class="field__error" [attr.id]="id() + '-error'">{{ i18n.t(error.key, error.params) }}</span>
    }
    @for (issue of runner().issuesFor('quantity'); track $index) {
      <span class="field__error">{{ issue }}</span>
    }
    <input
      autocomplete="off"
      class="input input--number"
      inputmode="numeric"
      type="text"
      [attr.aria-describedby]="error() ? id() + '-hint ' + id() + '-error' : id() + '-hint'"
      [attr.aria-invalid]="error() ? true : null"
      [attr.data-testid]="id()"
      [attr.id]="id()"
      [formControl]="control()"
    />
  `,
})
export class JcmQuantityFieldComponent {
  /** The form's name: "transfer", "retire" or "cancel". */
  public readonly operation = input.required<string>();
  public readonly control = input.required<FormControl<string>>();
  public readonly error = input<FormMessage | undefined>();
  public readonly runner = input.required<ActionRunner<unknown>>();
  public readonly balance = input.required<string>();

  protected readonly i18n = inject(TranslationService);
  protected readonly id = computed(() => `${this.operation()}-quantity`);
}
