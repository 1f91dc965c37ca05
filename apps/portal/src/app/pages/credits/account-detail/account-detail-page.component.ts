import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { BehaviorSubject, forkJoin } from 'rxjs';

import {
  AccountHistoryEntry,
  AccountView,
  CreditBlockStatus,
  CreditBlockView,
  HistoryCounterparty,
} from '@jcm/contracts';
import { JcmLoadStatusComponent, groupDigits, loadFor, loaded } from '@jcm/portal-ui';

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
  imports: [
    JcmCancelFormComponent,
    JcmLoadStatusComponent,
    JcmRetireFormComponent,
    JcmTransferFormComponent,
    RouterLink,
  ],
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
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  /** Account, blocks and the first page of history; a reload after a movement keeps the page as it is meanwhile. */
  protected readonly state = loadFor(
    this.id,
    this.reload$,
    (id) =>
      forkJoin({
        account: this.api.fetchAccount(id),
        blocks: this.api.fetchBlocks(id),
        history: this.api.fetchHistory(id, { limit: HISTORY_PAGE, offset: 0 }),
      }),
    { quietReload: true },
  );
  private readonly data = computed(() => loaded(this.state()));
  protected readonly account = computed(() => this.data()?.account ?? null);
  protected readonly blocks = computed(() => this.data()?.blocks.items ?? []);
  /** Older pages fetched with "more"; dropped when the first page reloads. */
  private readonly olderHistory = signal<AccountHistoryEntry[]>([]);
  protected readonly history = computed(() =>
    newestFirst([...(this.data()?.history.items ?? []), ...this.olderHistory()]),
  );
  protected readonly historyTotal = computed(() => this.data()?.history.total ?? 0);
  protected readonly historyMoreFailed = signal(false);
  protected readonly canMove = computed(() => {
    const account = this.account();
    return account !== null && canMoveFrom(this.session.actor(), account);
  });
  protected readonly holding = computed(() => {
    const type = this.account()?.type;
    return type === 'GOVERNMENT_HOLDING' || type === 'ENTITY_HOLDING';
  });

  public constructor() {
    effect(() => {
      this.data();
      untracked(() => this.olderHistory.set([]));
    });
  }

  /** Reloads after a movement (or a stale-version refusal). */
  protected reload(): void {
    this.reload$.next();
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
        next: (page) => this.olderHistory.update((items) => [...items, ...page.items]),
      });
  }

  protected status(status: CreditBlockStatus): string {
    return this.i18n.t(`blockStatus.${status}`);
  }

  protected accountType(account: AccountView): string {
    return this.i18n.t(`accountType.${account.type}`);
  }
}

/**
 * The history as its heading promises: newest first by journal number (台帳番号, the ledger's order), whatever order
 * the pages arrived in, and each entry once (a movement between two page fetches shifts the offset by one).
 */
export function newestFirst(entries: readonly AccountHistoryEntry[]): AccountHistoryEntry[] {
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  return [...bySeq.values()].sort((a, b) => {
    const diff = BigInt(b.seq) - BigInt(a.seq);
    return diff > 0n ? 1 : diff < 0n ? -1 : 0;
  });
}
