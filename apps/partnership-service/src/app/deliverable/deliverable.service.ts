import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AnnualContractState,
  canInspectYearEnd,
  DeliverablePage,
  DeliverableView,
  DomainError,
  isContractor,
  ListDeliverablesQuery,
  PARTNERSHIP_EVENTS,
  PartyRef,
  RequestContext,
  ReturnDeliverableCommand,
  SubmitDeliverableCommand,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { assertState, filters, forbidden, iso, isoAt, notFound, pageRows, tenantFilter } from '../programme-shared/programme-sql';

const COLUMNS = `d.id, d.contract_id, d.kind, d.title_ja, d.title_en, d.required, d.state, d.file_ref, d.url, d.note,
  d.return_comment, d.submitted_at, d.accepted_at, d.updated_at, c.company, c.state AS contract_state`;
const FROM = `FROM partnership.deliverable d JOIN partnership.annual_contract c ON c.id = d.contract_id`;

/** 成果物 are handed in once the work is under way, and until the contract is settled (a returned item again). */
const DELIVERING_CONTRACT_STATES: readonly AnnualContractState[] = ['in_progress', 'interim_reported', 'final_reported', 'deliverables_submitted'];

interface Row {
  id: string;
  contract_id: string;
  kind: DeliverableView['kind'];
  title_ja: string;
  title_en: string;
  required: boolean;
  state: DeliverableView['state'];
  file_ref: string | null;
  url: string | null;
  note: string | null;
  return_comment: string | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  updated_at: Date;
  company: PartyRef;
  contract_state: AnnualContractState;
}

/**
 * 成果物 checklist (ガイドブック 表3 ①), created with the contract at selection: the contractor submits each item,
 * MOE or the secretariat accept it or return it to pending with a comment.
 */
@Injectable()
export class DeliverableService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async submit(ctx: RequestContext, cmd: SubmitDeliverableCommand): Promise<DeliverableView> {
    return this.mutate(ctx, cmd.id, async (m, d) => {
      if (!isContractor(ctx, d.company.orgId)) throw forbidden('Only the contractor submits its deliverables.');
      assertState('deliverable', d.state, ['pending'], 'submit');
      assertState('contract', d.contract_state, DELIVERING_CONTRACT_STATES, 'submit deliverables for');
      if (!cmd.fileRef && !cmd.url && !cmd.note) {
        throw new DomainError('VALIDATION_FAILED', 'A deliverable needs a file reference, a URL or a note (e.g. how the paper copy was sent).', [
          { path: 'fileRef', message: 'One of fileRef, url or note is required' },
        ]);
      }
      await m.query(
        `UPDATE partnership.deliverable SET state = 'submitted', file_ref = $2, url = $3, note = $4, submitted_at = now(), updated_at = now() WHERE id = $1`,
        [d.id, cmd.fileRef ?? null, cmd.url ?? null, cmd.note ?? null],
      );
      return PARTNERSHIP_EVENTS.deliverable.submitted.type;
    });
  }

  async accept(ctx: RequestContext, id: string): Promise<DeliverableView> {
    return this.mutate(ctx, id, async (m, d) => {
      if (!canInspectYearEnd(ctx)) throw forbidden('Only MOE or the secretariat accept a deliverable.');
      assertState('deliverable', d.state, ['submitted'], 'accept');
      await m.query(`UPDATE partnership.deliverable SET state = 'accepted', return_comment = NULL, accepted_at = now(), updated_at = now() WHERE id = $1`, [d.id]);
      return PARTNERSHIP_EVENTS.deliverable.accepted.type;
    });
  }

  async return(ctx: RequestContext, cmd: ReturnDeliverableCommand): Promise<DeliverableView> {
    return this.mutate(ctx, cmd.id, async (m, d) => {
      if (!canInspectYearEnd(ctx)) throw forbidden('Only MOE or the secretariat return a deliverable.');
      assertState('deliverable', d.state, ['submitted'], 'return');
      await m.query(`UPDATE partnership.deliverable SET state = 'pending', return_comment = $2, updated_at = now() WHERE id = $1`, [d.id, cmd.comment]);
      return PARTNERSHIP_EVENTS.deliverable.returned.type;
    });
  }

  async list(ctx: RequestContext, q: ListDeliverablesQuery): Promise<DeliverablePage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const params: unknown[] = [];
      const where = [tenantFilter(ctx, 'd', params)];
      filters(where, params, [
        ['d.contract_id', q.contractId],
        ['d.state', q.state],
      ]);
      const { rows, total } = await pageRows<Row>(m, COLUMNS, {
        from: `${FROM} WHERE ${where.join(' AND ')}`,
        params,
        sort: q.sort,
        // The checklist's own order (表3 ①), not the alphabet.
        sortColumns: {
          kind: `array_position(ARRAY['WORK_REPORT_JA_PAPER','SUMMARY_PPT_JA','SUMMARY_PPT_EN','ELECTRONIC_MEDIA_DVD_R'], d.kind)`,
          updatedAt: 'd.updated_at',
        },
        limit: q.limit,
        offset: q.offset,
      });
      return { items: rows.map(toView), total };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<DeliverableView> {
    return inTenantTransaction(this.ds, ctx, async (m) => toView(await this.find(m, ctx, id)));
  }

  private async find(m: EntityManager, ctx: RequestContext, id: string, forUpdate = false): Promise<Row> {
    const params: unknown[] = [id];
    const [row] = await m.query(`SELECT ${COLUMNS} ${FROM} WHERE d.id = $1 AND ${tenantFilter(ctx, 'd', params)} ${forUpdate ? 'FOR UPDATE OF d' : ''}`, params);
    if (!row) throw notFound('Deliverable', id);
    return row;
  }

  private mutate(ctx: RequestContext, id: string, work: (m: EntityManager, d: Row) => Promise<string>): Promise<DeliverableView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const eventType = await work(m, await this.find(m, ctx, id, true));
      const view = toView(await this.find(m, ctx, id));
      await appendToOutbox(m, 'partnership', eventType, view, ctx);
      return view;
    });
  }
}

function toView(r: Row): DeliverableView {
  return {
    id: r.id,
    contractId: r.contract_id,
    kind: r.kind,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    required: r.required,
    state: r.state,
    fileRef: r.file_ref,
    url: r.url,
    note: r.note,
    returnComment: r.return_comment,
    submittedAt: iso(r.submitted_at),
    acceptedAt: iso(r.accepted_at),
    updatedAt: isoAt(r.updated_at),
  };
}
