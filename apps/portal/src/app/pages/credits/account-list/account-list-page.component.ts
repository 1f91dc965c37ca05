import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BehaviorSubject } from 'rxjs';

import { AccountType } from '@jcm/contracts';
import { JcmLoadStatusComponent, groupDigits, loadFor, loaded } from '@jcm/portal-ui';

import { SessionService } from '../../../core/session.service';
import { TranslationService } from '../../../i18n/translation.service';
import { CreditsApiService } from '../../../services/credits-api.service';
import { JcmProgressPanelComponent } from '../progress/progress-panel.component';
import { canIssue, seesAllAccounts } from '../shared/credits-access';

/** クレジット口座: the organisation's accounts (MOE and the secretariat: all) with their balances. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmLoadStatusComponent, JcmProgressPanelComponent, RouterLink],
  selector: 'jcm-account-list-page',
  styleUrl: './account-list-page.component.scss',
  templateUrl: './account-list-page.component.html',
})
export class JcmAccountListPageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly state = loadFor(signal(null), this.reload$, () => this.api.fetchAccounts());
  protected readonly page = computed(() => loaded(this.state()));
  protected readonly canIssue = computed(() => canIssue(this.session.actor()));
  protected readonly seesAll = computed(() => seesAllAccounts(this.session.actor()));

  protected load(): void {
    this.reload$.next();
  }

  protected tonnes(value: string): string {
    return groupDigits(value);
  }

  protected accountType(type: AccountType): string {
    return this.i18n.t(`accountType.${type}`);
  }
}
