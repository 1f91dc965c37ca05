import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';

import { PublicSummary } from '@jcm/contracts';

import { countryName } from '../../i18n/format';
import { groupDigits } from '../../i18n/number-format';
import { TranslationService } from '../../i18n/translation.service';
import { CreditsApiService, sumTonnes } from '../../services/credits-api.service';

/**
 * JCMクレジット登録簿の公開情報 (no sign-in): totals by account type, issued/retired by country and vintage,
 * transactions by year. The public API gives aggregates only, so there is no serial lookup here.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'jcm-registry-page',
  styleUrl: './registry-page.component.scss',
  templateUrl: './registry-page.component.html',
})
export class JcmRegistryPageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly summary = signal<PublicSummary | null>(null);
  protected readonly failed = signal(false);
  protected readonly loading = signal(true);
  /** Holdings by account type; the ISSUANCE contra account (negative by design) is the issued total instead. */
  protected readonly holdings = computed(() =>
    (this.summary()?.totalsByAccountType ?? []).filter((row) => row.accountType !== 'ISSUANCE'),
  );
  protected readonly totals = computed(() => {
    const rows = this.summary()?.byCountryAndVintage ?? [];
    return {
      cancelled: sumTonnes(rows.map((row) => row.cancelled)),
      issued: sumTonnes(rows.map((row) => row.issued)),
      retired: sumTonnes(rows.map((row) => row.retired)),
    };
  });

  public constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failed.set(false);
    this.api
      .fetchPublicSummary()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: () => {
          this.loading.set(false);
          this.failed.set(true);
        },
        next: (summary) => {
          this.loading.set(false);
          this.summary.set(summary);
        },
      });
  }

  protected tonnes(value: string): string {
    return groupDigits(value);
  }

  protected country(code: string): string {
    return countryName(code, this.i18n.language());
  }

  protected accountType(type: PublicSummary['totalsByAccountType'][number]['accountType']): string {
    return this.i18n.t(`accountType.${type}`);
  }

  protected kind(kind: string): string {
    const known = ['ISSUANCE', 'TRANSFER', 'RETIREMENT', 'CANCELLATION'] as const;
    const match = known.find((item) => item === kind);
    return match ? this.i18n.t(`txKind.${match}`) : kind;
  }
}
