import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AnnualContractState,
  canInspectYearEnd,
  DeliverablePage,
  DeliverableView,
  DomainError,
  isContractor,
  ListDeliverablesQuery,
  PARTNERSHIP_EVENTS,
  RequestContext,
  ReturnDeliverableCommand,
  SubmitDeliverableCommand,
} from '@jcm/contracts';
import { Aggregate, assertState, DATA_SOURCE, forbidden, NOW } from '@jcm/service-kit';
import { DELIVERABLE, DELIVERABLE_ORDER, DELIVERABLE_SOURCE, toDeliverableView } from './deliverable.rows';

/** 成果物 are handed in once the work is under way, and until the contract is settled (a returned item again). */
const DELIVERING_CONTRACT_STATES: readonly AnnualContractState[] = [
  'in_progress',
  'interim_reported',
  'final_reported',
  'deliverables_submitted',
];

/**
 * 成果物 checklist (ガイドブック 表3 ①), created with the contract at selection: the contractor submits each item,
 * MOE or the secretariat accept it or return it to pending with a comment.
 */
@Injectable()
export class DeliverableService {
  private readonly deliverables;

  constructor(@Inject(DATA_SOURCE) ds: DataSource) {
    this.deliverables = new Aggregate(ds, {
      schema: 'partnership',
      source: DELIVERABLE_SOURCE,
      view: toDeliverableView,
    });
  }

  submit(ctx: RequestContext, cmd: SubmitDeliverableCommand): Promise<DeliverableView> {
    return this.deliverables.transition(ctx, cmd.id, async (m, d) => {
      if (!isContractor(ctx, d.company.orgId))
        throw forbidden('Only the contractor submits its deliverables.');
      assertState('deliverable', d.state, ['pending'], 'submit');
      assertState('contract', d.contract_state, DELIVERING_CONTRACT_STATES, 'submit deliverables for');
      if (!cmd.fileRef && !cmd.url && !cmd.note) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'A deliverable needs a file reference, a URL or a note (e.g. how the paper copy was sent).',
          [{ path: 'fileRef', message: 'One of fileRef, url or note is required' }],
        );
      }
      await DELIVERABLE.update(m, d.id, {
        state: 'submitted',
        file_ref: cmd.fileRef ?? null,
        url: cmd.url ?? null,
        note: cmd.note ?? null,
        submitted_at: NOW,
      });
      return PARTNERSHIP_EVENTS.deliverable.submitted;
    });
  }

  accept(ctx: RequestContext, id: string): Promise<DeliverableView> {
    return this.deliverables.transition(ctx, id, async (m, d) => {
      if (!canInspectYearEnd(ctx)) throw forbidden('Only MOE or the secretariat accept a deliverable.');
      assertState('deliverable', d.state, ['submitted'], 'accept');
      await DELIVERABLE.update(m, d.id, { state: 'accepted', return_comment: null, accepted_at: NOW });
      return PARTNERSHIP_EVENTS.deliverable.accepted;
    });
  }

  return(ctx: RequestContext, cmd: ReturnDeliverableCommand): Promise<DeliverableView> {
    return this.deliverables.transition(ctx, cmd.id, async (m, d) => {
      if (!canInspectYearEnd(ctx)) throw forbidden('Only MOE or the secretariat return a deliverable.');
      assertState('deliverable', d.state, ['submitted'], 'return');
      await DELIVERABLE.update(m, d.id, { state: 'pending', return_comment: cmd.comment });
      return PARTNERSHIP_EVENTS.deliverable.returned;
    });
  }

  list(ctx: RequestContext, q: ListDeliverablesQuery): Promise<DeliverablePage> {
    return this.deliverables.list(ctx, q, { kind: DELIVERABLE_ORDER, updatedAt: 'd.updated_at' }, (w) =>
      w.eq('d.contract_id', q.contractId).eq('d.state', q.state),
    );
  }

  get(ctx: RequestContext, id: string): Promise<DeliverableView> {
    return this.deliverables.get(ctx, id);
  }
}
