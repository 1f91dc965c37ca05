import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { TranslationService } from '../../i18n/translation.service';

/** ja ⇄ en. The button is labelled in the language it switches to, so either reader can find it. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'jcm-language-switch' },
  selector: 'jcm-language-switch',
  styles: `
    .lang-switch {
      min-height: 2.5rem;
      padding: 0.3rem 0.9rem;
      border: 2px solid currentColor;
      border-radius: 999px;
      background: transparent;
      color: inherit;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    .lang-switch:hover {
      background: rgb(255 255 255 / 0.15);
    }
  `,
  template: `
    <button
      class="lang-switch"
      data-testid="lang-switch"
      type="button"
      [attr.aria-label]="i18n.t('lang.switchLabel')"
      [attr.lang]="targetLanguage()"
      (click)="i18n.toggle()"
    >
      {{ i18n.t('lang.switch') }}
    </button>
  `,
})
export class JcmLanguageSwitchComponent {
  protected readonly i18n = inject(TranslationService);
  protected readonly targetLanguage = computed(() => (this.i18n.language() === 'ja' ? 'en' : 'ja'));
}
