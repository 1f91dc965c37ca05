import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { forkJoin } from 'rxjs';

import { AccountView, PendingIssuanceView } from '@jcm/contracts';

import { SessionService } from '../../../core/session.service';
import { TranslationService } from '../../../i18n/translation.service';
import { CreditsApiService } from '../../../services/credits-api.service';
import { canIssue } from '../shared/credits-access';
import { JcmPendingIssuanceItemComponent } from './pending-issuance-item.component';

/**
 * 発行待ち (MOE and the secretariat): issuances the registry prepared from monitoring reports a TPE verified.
 * MOE, as manager of Japan's registry, confirms each with the Joint Committee's decision or rejects it.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmPendingIssuanceItemComponent, RouterLink],
  selector: 'jcm-pending-issuances-page',
  styleUrl: './pending-issuances-page.component.scss',
  templateUrl: './pending-issuances-page.component.html',
})
export class JcmPendingIssuancesPageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly session = inject(SessionService);

  protected readonly pending = signal<PendingIssuanceView[] | null>(null);
  protected readonly accounts = signal<AccountView[]>([]);
  protected readonly failed = signal(false);
  protected readonly canDecide = computed(() => canIssue(this.session.actor()));

  public constructor() {
    this.load();
  }

  protected load(): void {
    this.failed.set(false);
    forkJoin({ accounts: this.api.fetchAccounts({ type: 'ENTITY_HOLDING' }), pending: this.api.fetchPendingIssuances('PENDING') })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: () => this.failed.set(true),
        next: ({ accounts, pending }) => {
          this.accounts.set(accounts.items);
          this.pending.set(pending.items);
        },
      });
  }
}
