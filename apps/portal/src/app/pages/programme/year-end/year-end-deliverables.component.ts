import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { AnnualContractView, DeliverableView } from '@jcm/contracts';
import { JCM_FORMAT_PIPES, PageActions, pageProblem } from '@jcm/portal-ui';

import { MessageKey } from '../../../i18n/messages.ja';
import { TranslationService } from '../../../i18n/translation.service';
import { ProgrammeYearEndApiService } from '../../../services/programme-year-end-api.service';
import { YearEndRoles, refOf } from './year-end-section';

/** 成果物: the contractor submits each item, MOE accepts or returns it. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JCM_FORMAT_PIPES],
  selector: 'section[jcm-year-end-deliverables]',
  styleUrls: ['../shared/programme.scss', './year-end-page.component.scss'],
  templateUrl: './year-end-deliverables.component.html',
})
export class JcmYearEndDeliverablesComponent {
  /** The contract, the reader's roles and the page's one action runner, from the year-end page. */
  public readonly contract = input.required<AnnualContractView>();
  public readonly roles = input.required<YearEndRoles>();
  public readonly actions = input.required<PageActions<MessageKey>>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(ProgrammeYearEndApiService);
  protected readonly busy = computed(() => this.actions().busy());
  public readonly deliverables = input.required<readonly DeliverableView[]>();

  protected submitDeliverable(item: DeliverableView, reference: string, note: string): void {
    const text = note.trim();
    if (!reference.trim() && !text) return this.actions().fail(pageProblem('ye.deliverable.err'));
    this.actions().act(
      this.api.submitDeliverable(item.id, { ...refOf(reference), ...(text ? { note: text } : {}) }),
      'ye.done.deliverableSubmitted',
    );
  }

  protected acceptDeliverable(item: DeliverableView): void {
    this.actions().act(this.api.acceptDeliverable(item.id), 'ye.done.deliverableAccepted');
  }

  protected returnDeliverable(item: DeliverableView, comment: string): void {
    if (!comment.trim()) return this.actions().fail(pageProblem('prog.form.required'));
    this.actions().act(this.api.returnDeliverable(item.id, comment.trim()), 'ye.done.returned');
  }
}
