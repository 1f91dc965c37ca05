import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { DeliverableView } from '@jcm/contracts';

import { JcmYearEndSection, refOf } from './year-end-section';

/** 成果物: the contractor submits each item, MOE accepts or returns it. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'section[jcm-year-end-deliverables]',
  styleUrls: ['../shared/programme.scss', './year-end-page.component.scss'],
  templateUrl: './year-end-deliverables.component.html',
})
export class JcmYearEndDeliverablesComponent extends JcmYearEndSection {
  public readonly deliverables = input.required<readonly DeliverableView[]>();

  protected submitDeliverable(item: DeliverableView, reference: string, note: string): void {
    const text = note.trim();
    if (!reference.trim() && !text) return this.invalid('ye.deliverable.err');
    this.act(this.api.submitDeliverable(item.id, { ...refOf(reference), ...(text ? { note: text } : {}) }), 'ye.done.deliverableSubmitted');
  }

  protected acceptDeliverable(item: DeliverableView): void {
    this.act(this.api.acceptDeliverable(item.id), 'ye.done.deliverableAccepted');
  }

  protected returnDeliverable(item: DeliverableView, comment: string): void {
    if (!comment.trim()) return this.invalid();
    this.act(this.api.returnDeliverable(item.id, comment.trim()), 'ye.done.returned');
  }
}
