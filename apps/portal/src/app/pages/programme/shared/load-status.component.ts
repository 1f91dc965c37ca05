import { ChangeDetectionStrategy, Component, booleanAttribute, inject, input } from '@angular/core';

import { TranslationService } from '../../../i18n/translation.service';
import { LoadState } from './load-state';

/**
 * What a page shows until its data is loaded: loading, not found, or failed. Nothing once loaded.
 * A `list` has nothing to be missing, so it shows nothing when not found either.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'jcm-load-status',
  styles: ':host { display: contents; }',
  template: `
    @switch (status()) {
      @case ('loading') {
        <p class="muted">{{ i18n.t('app.loading') }}</p>
      }
      @case ('not-found') {
        @if (!list()) {
          <h1>{{ i18n.t('prog.notFound') }}</h1>
          <p>{{ i18n.t('prog.notFoundText') }}</p>
        }
      }
      @case ('failed') {
        <p class="alert alert--error" role="alert">{{ i18n.t('app.loadFailed') }}</p>
      }
    }
  `,
})
export class JcmLoadStatusComponent {
  public readonly status = input.required<LoadState<unknown>['status']>();
  public readonly list = input(false, { transform: booleanAttribute });

  protected readonly i18n = inject(TranslationService);
}
