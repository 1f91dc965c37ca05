import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { forkJoin } from 'rxjs';

import { AccountHistoryEntry, AccountView, CreditBlockStatus, CreditBlockView, HistoryCounterparty } from '@jcm/contracts';
import { groupDigits, httpStatus } from '@jcm/portal-ui';

import { SessionService } from '../../../core/session.service';
import { TranslationService } from '../../../i18n/translation.service';
import { CreditsApiService } from '../../../services/credits-api.service';
import { JcmCancelFormComponent } from '../operations/cancel-form.component';
import { JcmRetireFormComponent } from '../operations/retire-form.component';
import { JcmTransferFormComponent } from '../operations/transfer-form.component';
import { canMoveFrom } from '../shared/credits-access';
import { signedTonnes } from '../shared/quantity';

const HISTORY_PAGE = 20;

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
  protected readonly history = signal<AccountHistoryEntry[]>([]);
  protected readonly historyTotal = signal(0);
  protected readonly historyMoreFailed = signal(false);
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

  protected signed(value: string): string {
    return signedTonnes(value);
  }

  /** A holding account by its holder; the registry's own issuance, retirement or cancellation account by its type. */
  protected partyName(party: HistoryCounterparty): string {
    const holding = party.type === 'GOVERNMENT_HOLDING' || party.type === 'ENTITY_HOLDING';
    return holding ? party.holderName : this.i18n.t(`accountType.${party.type}`);
  }

  protected kind(entry: AccountHistoryEntry): string {
    return this.i18n.t(`txKind.${entry.kind}`);
  }

  protected when(entry: AccountHistoryEntry): string {
    return new Date(entry.occurredAt).toLocaleString(this.i18n.language() === 'ja' ? 'ja-JP' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Tokyo',
    });
  }

  /** Older entries, one page at a time (newest first). */
  protected moreHistory(): void {
    this.historyMoreFailed.set(false);
    this.api
      .fetchHistory(this.id(), { limit: HISTORY_PAGE, offset: this.history().length })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: () => this.historyMoreFailed.set(true),
        next: (page) => {
          this.history.update((items) => [...items, ...page.items]);
          this.historyTotal.set(page.total);
        },
      });
  }

  protected status(status: CreditBlockStatus): string {
    return this.i18n.t(`blockStatus.${status}`);
  }

  protected accountType(account: AccountView): string {
    return this.i18n.t(`accountType.${account.type}`);
  }

  private load(id: string): void {
    forkJoin({
      account: this.api.fetchAccount(id),
      blocks: this.api.fetchBlocks(id),
      history: this.api.fetchHistory(id, { limit: HISTORY_PAGE, offset: 0 }),
    })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          const status = httpStatus(error);
          this.state.set(status === 404 || status === 403 || status === 400 ? 'notFound' : 'failed');
        },
        next: ({ account, blocks, history }) => {
          this.account.set(account);
          this.blocks.set(blocks.items);
          this.history.set(history.items);
          this.historyTotal.set(history.total);
          this.state.set('ready');
        },
      });
  }
}
