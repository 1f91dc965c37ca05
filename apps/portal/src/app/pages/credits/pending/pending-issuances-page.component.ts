import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BehaviorSubject, forkJoin } from 'rxjs';

import { JcmLoadStatusComponent, loadFor, loaded } from '@jcm/portal-ui';

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
  imports: [JcmLoadStatusComponent, JcmPendingIssuanceItemComponent, RouterLink],
  selector: 'jcm-pending-issuances-page',
  styleUrl: './pending-issuances-page.component.scss',
  templateUrl: './pending-issuances-page.component.html',
})
export class JcmPendingIssuancesPageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly state = loadFor(signal(null), this.reload$, () =>
    forkJoin({
      accounts: this.api.fetchAccounts({ type: 'ENTITY_HOLDING' }),
      pending: this.api.fetchPendingIssuances('PENDING'),
    }),
  );
  protected readonly pending = computed(() => loaded(this.state())?.pending.items ?? null);
  protected readonly accounts = computed(() => loaded(this.state())?.accounts.items ?? []);
  protected readonly canDecide = computed(() => canIssue(this.session.actor()));

  protected load(): void {
    this.reload$.next();
  }
}
