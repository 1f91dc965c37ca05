import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';

import { AnnualContractView, CONTRACT_ADJUSTABLE_STATES } from '@jcm/contracts';
import { JCM_FORMAT_PIPES, PageActions, pageProblem, newIdempotencyKey } from '@jcm/portal-ui';

import { MessageKey } from '../../../i18n/messages.ja';
import { TranslationService } from '../../../i18n/translation.service';
import { ProgrammeYearEndApiService } from '../../../services/programme-year-end-api.service';
import { localDate, parseYen } from '../shared/programme-labels';
import { YearEndRoles } from './year-end-section';

/** 減額・中止 (MOE): the amount history, and reducing or suspending the contract while it can still change. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JCM_FORMAT_PIPES],
  selector: 'section[jcm-year-end-amount]',
  styleUrls: ['../shared/programme.scss', './year-end-page.component.scss'],
  templateUrl: './year-end-amount.component.html',
})
export class JcmYearEndAmountComponent {
  /** The contract, the reader's roles and the page's one action runner, from the year-end page. */
  public readonly contract = input.required<AnnualContractView>();
  public readonly roles = input.required<YearEndRoles>();
  public readonly actions = input.required<PageActions<MessageKey>>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(ProgrammeYearEndApiService);
  protected readonly busy = computed(() => this.actions().busy());
  protected readonly today = localDate();
  protected readonly adjustable = computed(() =>
    (CONTRACT_ADJUSTABLE_STATES as readonly string[]).includes(this.contract().state),
  );
  protected readonly reduceOpen = signal(false);
  protected readonly suspendOpen = signal(false);
  private reduceKey = newIdempotencyKey();

  protected reduce(amountRaw: string, effectiveDate: string, note: string): void {
    const newAmountYen = parseYen(amountRaw);
    if (newAmountYen === null || Number.isNaN(newAmountYen) || !effectiveDate || !note.trim())
      return this.actions().fail(pageProblem('ye.reduce.err'));
    this.actions().act(
      this.api.reduceContract(
        this.contract().id,
        { effectiveDate, newAmountYen, note: note.trim() },
        this.reduceKey,
      ),
      'ye.done.reduced',
      () => {
        this.reduceKey = newIdempotencyKey();
        this.reduceOpen.set(false);
      },
    );
  }

  protected suspend(note: string): void {
    this.actions().act(
      this.api.suspendContract(this.contract().id, note.trim() || undefined),
      'ye.done.suspended',
      () => this.suspendOpen.set(false),
    );
  }
}
