import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';

import { PublicSummary } from '@jcm/contracts';
import { JcmLoadStatusComponent, groupDigits } from '@jcm/portal-ui';

import { countryName } from '../../i18n/format';
import { MessageKey } from '../../i18n/messages.ja';
import { TranslationService } from '../../i18n/translation.service';
import { CreditsApiService, sumTonnes } from '../../services/credits-api.service';

interface RegistryTable {
  id: string;
  title: MessageKey;
  columns: { label: MessageKey; num: boolean }[];
  /** Test hook on each body row, if any. */
  rowTestid: string | null;
  rows: { key: string; cells: string[] }[];
}

/**
 * JCMクレジット登録簿の公開情報 (no sign-in): totals by account type, issued/retired by country and vintage,
 * transactions by year. The public API gives aggregates only, so there is no serial lookup here.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmLoadStatusComponent],
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
    const total = (label: MessageKey, testid: string, pick: (row: (typeof rows)[number]) => string) => ({
      label,
      testid,
      value: sumTonnes(rows.map(pick)),
    });
    return [
      total('registry.totalIssued', 'registry-total-issued', (row) => row.issued),
      total('registry.totalRetired', 'registry-total-retired', (row) => row.retired),
      total('registry.totalCancelled', 'registry-total-cancelled', (row) => row.cancelled),
    ];
  });
  /** The three aggregate tables; each row's first cell is its row header. */
  protected readonly tables = computed((): RegistryTable[] => {
    const summary = this.summary();
    if (!summary) return [];
    const column = (label: MessageKey, num = false) => ({ label, num });
    return [
      {
        columns: [column('registry.col.accountType'), column('registry.col.quantity', true)],
        id: 'registry-by-type',
        rowTestid: 'registry-type-row',
        rows: this.holdings().map((row) => ({
          cells: [this.accountType(row.accountType), this.tonnes(row.quantity)],
          key: row.accountType,
        })),
        title: 'registry.byAccountType',
      },
      {
        columns: [
          column('registry.col.country'),
          column('registry.col.vintage'),
          column('registry.col.issued', true),
          column('registry.col.retired', true),
          column('registry.col.cancelled', true),
        ],
        id: 'registry-by-country',
        rowTestid: null,
        rows: summary.byCountryAndVintage.map((row) => ({
          cells: [
            this.country(row.partnerCountry),
            String(row.vintage),
            this.tonnes(row.issued),
            this.tonnes(row.retired),
            this.tonnes(row.cancelled),
          ],
          key: `${row.partnerCountry}${row.vintage}`,
        })),
        title: 'registry.byCountryVintage',
      },
      {
        columns: [
          column('registry.col.year'),
          column('registry.col.kind'),
          column('registry.col.count', true),
          column('registry.col.quantity', true),
        ],
        id: 'registry-annual',
        rowTestid: null,
        rows: summary.annualTransactions.map((row) => ({
          cells: [
            String(row.year),
            this.kind(row.kind),
            this.tonnes(row.count.toString()),
            this.tonnes(row.quantity),
          ],
          key: `${row.year}${row.kind}`,
        })),
        title: 'registry.annual',
      },
    ];
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
