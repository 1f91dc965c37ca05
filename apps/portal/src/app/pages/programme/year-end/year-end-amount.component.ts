import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';

import { CONTRACT_ADJUSTABLE_STATES } from '@jcm/contracts';

import { newIdempotencyKey } from '../../../core/idempotency';
import { parseYen } from '../shared/programme-labels';
import { JcmYearEndSection } from './year-end-section';

/** 減額・中止 (MOE): the amount history, and reducing or suspending the contract while it can still change. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'section[jcm-year-end-amount]',
  styleUrls: ['../shared/programme.scss', './year-end-page.component.scss'],
  templateUrl: './year-end-amount.component.html',
})
export class JcmYearEndAmountComponent extends JcmYearEndSection {
  protected readonly adjustable = computed(() => (CONTRACT_ADJUSTABLE_STATES as readonly string[]).includes(this.contract().state));
  protected readonly reduceOpen = signal(false);
  protected readonly suspendOpen = signal(false);
  private reduceKey = newIdempotencyKey();

  protected reduce(amountRaw: string, effectiveDate: string, note: string): void {
    const newAmountYen = parseYen(amountRaw);
    if (newAmountYen === null || Number.isNaN(newAmountYen) || !effectiveDate || !note.trim()) return this.invalid('ye.reduce.err');
    this.act(this.api.reduceContract(this.contract().id, { effectiveDate, newAmountYen, note: note.trim() }, this.reduceKey), 'ye.done.reduced', () => {
      this.reduceKey = newIdempotencyKey();
      this.reduceOpen.set(false);
    });
  }

  protected suspend(note: string): void {
    this.act(this.api.suspendContract(this.contract().id, note.trim() || undefined), 'ye.done.suspended', () => this.suspendOpen.set(false));
  }
}
