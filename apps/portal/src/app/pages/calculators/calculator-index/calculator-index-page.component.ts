import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { catchError, of } from 'rxjs';

import { pick } from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { CalculatorsApiService } from '../../../services/calculators-api.service';
import { Bilingual } from '../calculator-definition';
import { CALCULATOR_DEFINITIONS } from '../calculator-registry';

/** 公開計算ツール: one card per calculator, with the call (preset) the gateway applies. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  selector: 'jcm-calculator-index-page',
  styleUrl: './calculator-index-page.component.scss',
  templateUrl: './calculator-index-page.component.html',
})
export class JcmCalculatorIndexPageComponent {
  protected readonly i18n = inject(TranslationService);
  /** The presets are informative only: the forms are usable even if the list cannot be loaded. */
  private readonly listed = toSignal(
    inject(CalculatorsApiService)
      .fetchCalculators()
      .pipe(catchError(() => of([]))),
    {
      initialValue: [],
    },
  );

  protected readonly calculators = computed(() => {
    const presets = new Map(this.listed().map((item) => [item.name, item.preset]));
    return CALCULATOR_DEFINITIONS.map((definition) => ({
      lead: definition.lead,
      name: definition.name,
      preset: presets.get(definition.name),
      title: definition.title,
    }));
  });

  protected text(label: Bilingual): string {
    return pick(this.i18n.language(), label.ja, label.en);
  }

  protected presetLabel(preset: string | null | undefined): string {
    if (preset === undefined) return '';
    return preset === null ? this.i18n.t('calc.noPreset') : this.i18n.t('calc.preset', { preset });
  }
}
