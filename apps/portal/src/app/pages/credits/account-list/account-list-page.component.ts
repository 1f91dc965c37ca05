import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';

import { AccountPage, AccountType } from '@jcm/contracts';
import { groupDigits } from '@jcm/portal-ui';

import { SessionService } from '../../../core/session.service';
import { TranslationService } from '../../../i18n/translation.service';
import { CreditsApiService } from '../../../services/credits-api.service';
import { JcmProgressPanelComponent } from '../progress/progress-panel.component';
import { canIssue, seesAllAccounts } from '../shared/credits-access';

/** クレジット口座: the organisation's accounts (MOE and the secretariat: all) with their balances. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmProgressPanelComponent, RouterLink],
  selector: 'jcm-account-list-page',
  styleUrl: './account-list-page.component.scss',
  templateUrl: './account-list-page.component.html',
})
export class JcmAccountListPageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly session = inject(SessionService);

  protected readonly page = signal<AccountPage | null>(null);
  protected readonly failed = signal(false);
  protected readonly canIssue = computed(() => canIssue(this.session.actor()));
  protected readonly seesAll = computed(() => seesAllAccounts(this.session.actor()));

  public constructor() {
    this.load();
  }

  protected load(): void {
    this.failed.set(false);
    this.api
      .fetchAccounts()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ error: () => this.failed.set(true), next: (page) => this.page.set(page) });
  }

  protected tonnes(value: string): string {
    return groupDigits(value);
  }

  protected accountType(type: AccountType): string {
    return this.i18n.t(`accountType.${type}`);
  }
}
