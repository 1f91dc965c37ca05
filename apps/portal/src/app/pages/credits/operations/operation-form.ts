import { Directive, computed, inject, input, output } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { Observable } from 'rxjs';

import { AccountView, MovementView } from '@jcm/contracts';
import { groupDigits } from '@jcm/portal-ui';

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
  protected readonly balance = computed(() => groupDigits(this.account().balance));
  protected abstract readonly form: FormGroup;

  /** Sends the command; on success the form clears, and on success or conflict the page reloads the account. */
  protected send(request: (idempotencyKey: string) => Observable<MovementView>): void {
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
