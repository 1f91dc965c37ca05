import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { forkJoin } from 'rxjs';

import { AccountView, CreditBlockStatus, CreditBlockView } from '@jcm/contracts';

import { SessionService } from '../../../core/session.service';
import { groupDigits } from '../../../i18n/number-format';
import { TranslationService } from '../../../i18n/translation.service';
import { httpStatus } from '../../../services/api-error';
import { CreditsApiService } from '../../../services/credits-api.service';
import { JcmCancelFormComponent } from '../operations/cancel-form.component';
import { JcmRetireFormComponent } from '../operations/retire-form.component';
import { JcmTransferFormComponent } from '../operations/transfer-form.component';
import { canMoveFrom } from '../shared/credits-access';

/** One account: balance, its credit blocks by serial range, and (for the holder) transfer, retire, cancel. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmCancelFormComponent, JcmRetireFormComponent, JcmTransferFormComponent, RouterLink],
  selector: 'jcm-account-detail-page',
  styleUrl: './account-detail-page.component.scss',
  templateUrl: './account-detail-page.component.html',
})
export class JcmAccountDetailPageComponent {
  /** Route parameter (router input binding). */
  public readonly id = input.required<string>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly session = inject(SessionService);

  protected readonly account = signal<AccountView | null>(null);
  protected readonly blocks = signal<CreditBlockView[]>([]);
  protected readonly state = signal<'loading' | 'ready' | 'notFound' | 'failed'>('loading');
  protected readonly canMove = computed(() => {
    const account = this.account();
    return account !== null && canMoveFrom(this.session.actor(), account);
  });
  protected readonly holding = computed(() => {
    const type = this.account()?.type;
    return type === 'GOVERNMENT_HOLDING' || type === 'ENTITY_HOLDING';
  });

  public constructor() {
    effect(() => this.load(this.id()));
  }

  /** Reloads after a movement (or a stale-version refusal), keeping the page as it is meanwhile. */
  protected reload(): void {
    this.load(this.id());
  }

  protected tonnes(value: string): string {
    return groupDigits(value);
  }

  protected status(status: CreditBlockStatus): string {
    return this.i18n.t(`blockStatus.${status}`);
  }

  protected accountType(account: AccountView): string {
    return this.i18n.t(`accountType.${account.type}`);
  }

  private load(id: string): void {
    forkJoin({ account: this.api.fetchAccount(id), blocks: this.api.fetchBlocks(id) })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          const status = httpStatus(error);
          this.state.set(status === 404 || status === 403 || status === 400 ? 'notFound' : 'failed');
        },
        next: ({ account, blocks }) => {
          this.account.set(account);
          this.blocks.set(blocks.items);
          this.state.set('ready');
        },
      });
  }
}
