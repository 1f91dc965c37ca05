import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { MovementView } from '@jcm/contracts';
import { ActionRunner } from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { movedSerials, movementDone } from '../shared/movement-text';

/** The outcome of the last submit of an operation form: what moved, or why it did not. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'jcm-operation-outcome',
  styles: ':host { display: contents; } .alert p + p { margin-top: 0.25rem; }',
  template: `
    @if (runner().result(); as result) {
      <div class="alert alert--success" data-testid="operation-done" role="status">
        <p>{{ done(result) }}</p>
        <p class="small">{{ i18n.t('op.serials') }}: {{ serials(result) }}</p>
      </div>
    }
    @if (runner().problem(); as error) {
      <div class="alert alert--error" data-testid="operation-error" role="alert">
        <p>{{ i18n.text(error.key, error.params) }}</p>
      </div>
    }
  `,
})
export class JcmOperationOutcomeComponent {
  public readonly runner = input.required<ActionRunner<MovementView>>();

  protected readonly i18n = inject(TranslationService);
  protected readonly serials = movedSerials;

  protected done(result: MovementView): string {
    return movementDone(this.i18n, result);
  }
}
