import { ChangeDetectionStrategy, Component, booleanAttribute, inject, input } from '@angular/core';

import { UiTranslator } from '../i18n/ui-translator';
import { LoadStatus } from './load-state';

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
        <p class="muted" data-testid="load-loading" role="status">{{ i18n.t('ui.loading') }}</p>
      }
      @case ('not-found') {
        @if (!list()) {
          <h1 data-testid="load-not-found">{{ i18n.t('ui.notFound') }}</h1>
          <p>{{ i18n.t('ui.notFoundText') }}</p>
        }
      }
      @case ('failed') {
        <div class="alert alert--error" data-testid="load-failed" role="alert">
          <p>{{ i18n.t('ui.loadFailed') }}</p>
          <ng-content />
        </div>
      }
    }
  `,
})
export class JcmLoadStatusComponent {
  public readonly status = input.required<LoadStatus>();
  public readonly list = input(false, { transform: booleanAttribute });

  protected readonly i18n = inject(UiTranslator);
}
