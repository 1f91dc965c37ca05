import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';

import { TargetProgress } from '@jcm/contracts';
import { groupDigits } from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { CreditsApiService } from '../../../services/credits-api.service';

/**
 * JCM目標の進捗 (MOE and the secretariat): cumulative issuance into Japan's registry against ~100 MtCO2 by FY2030
 * and ~200 MtCO2 by FY2040, with the basis and source exactly as the registry states them. Figures stay strings.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'jcm-progress-panel',
  styleUrl: './progress-panel.component.scss',
  templateUrl: './progress-panel.component.html',
})
export class JcmProgressPanelComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);

  protected readonly progress = signal<TargetProgress | null>(null);
  protected readonly failed = signal(false);

  public constructor() {
    this.api
      .fetchProgress()
      .pipe(takeUntilDestroyed())
      .subscribe({ error: () => this.failed.set(true), next: (progress) => this.progress.set(progress) });
  }

  protected tonnes(value: string): string {
    return groupDigits(value);
  }

  /** Bar width from the API's percentage string, capped at 100 (display only; the figure shown is the string). */
  protected width(percent: string): string {
    const whole = percent.split('.')[0];
    return `${Math.min(100, Number(whole))}%`;
  }
}
