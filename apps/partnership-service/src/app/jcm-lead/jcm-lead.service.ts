import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AdvanceJcmLeadCommand,
  DomainError,
  JCM_LEAD_NEXT,
  JcmLeadPage,
  JcmLeadView,
  ListJcmLeadsQuery,
  PARTNERSHIP_EVENTS,
  RecordJcmLeadCommand,
  RequestContext,
  seesAllRecords,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { filters, forbidden, isoAt, notFound, pageRows, tenantFilter, yenFrom } from '../programme-shared/programme-sql';

const COLUMNS = `id, partnership_id, contract_id, title_ja, title_en, technology, estimated_tco2_per_year::text AS estimated_tco2_per_year,
  estimated_cost_yen, consortium, status, status_note, created_at, updated_at`;

interface Row {
  id: string;
  partnership_id: string;
  contract_id: string | null;
  title_ja: string;
  title_en: string;
  technology: string;
  estimated_tco2_per_year: string;
  estimated_cost_yen: string;
  consortium: JcmLeadView['consortium'];
  status: JcmLeadView['status'];
  status_note: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * 出口戦略: JCM projects found through a city partnership (案件発掘). Visible to the pair's cities and the companies
 * contracted for the pair; `partnership.jcm-lead.recorded` lets grants-service cite the lead in an application.
 */
@Injectable()
export class JcmLeadService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async record(ctx: RequestContext, cmd: RecordJcmLeadCommand): Promise<JcmLeadView> {
    if (ctx.role === 'viewer') throw forbidden('Viewers cannot record JCM leads.');
    // The pair's participants plus its contracted companies, read as the service (a company is not a pair member).
    const participants = await inTenantTransaction(this.ds, 'system', async (m) => {
      const [pair] = await m.query(`SELECT participant_org_ids FROM partnership.partnership WHERE id = $1`, [cmd.partnershipId]);
      if (!pair) return null;
      const companies: { org: string }[] = await m.query(
        `SELECT DISTINCT company->>'orgId' AS org FROM partnership.annual_contract WHERE partnership_id = $1 AND state <> 'negotiation'`,
        [cmd.partnershipId],
      );
      return [...new Set<string>([...pair.participant_org_ids, ...companies.map((c) => c.org)])];
    });
    if (!participants || (!seesAllRecords(ctx) && !participants.includes(ctx.orgId))) throw notFound('Partnership', cmd.partnershipId);
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const [{ id }] = await m.query(
        `INSERT INTO partnership.jcm_lead (partnership_id, contract_id, title_ja, title_en, technology, estimated_tco2_per_year,
           estimated_cost_yen, consortium, participant_org_ids, created_by)
         VALUES ($1, $2, $3, $4, $5, $6::numeric, $7, $8, $9, $10) RETURNING id`,
        [cmd.partnershipId, cmd.contractId ?? null, cmd.titleJa, cmd.titleEn, cmd.technology, cmd.estimatedTco2PerYear, cmd.estimatedCostYen,
          JSON.stringify(cmd.consortium), participants, ctx.userId],
      );
      const view = toView(await this.find(m, ctx, id));
      await appendToOutbox(m, 'partnership', PARTNERSHIP_EVENTS.jcmLead.recorded.type, view, ctx);
      return view;
    });
  }

  async advance(ctx: RequestContext, cmd: AdvanceJcmLeadCommand): Promise<JcmLeadView> {
    if (ctx.role === 'viewer') throw forbidden('Viewers cannot update JCM leads.');
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const lead = await this.find(m, ctx, cmd.id, true);
      if (!JCM_LEAD_NEXT[lead.status].includes(cmd.status)) {
        throw new DomainError('CONFLICT', `A lead in ${lead.status} cannot move to ${cmd.status} (allowed: ${JCM_LEAD_NEXT[lead.status].join(', ') || 'none'}).`);
      }
      await m.query(`UPDATE partnership.jcm_lead SET status = $2, status_note = $3, updated_at = now() WHERE id = $1`, [lead.id, cmd.status, cmd.note ?? null]);
      const view = toView(await this.find(m, ctx, cmd.id));
      await appendToOutbox(m, 'partnership', PARTNERSHIP_EVENTS.jcmLead.advanced.type, view, ctx);
      return view;
    });
  }

  async list(ctx: RequestContext, q: ListJcmLeadsQuery): Promise<JcmLeadPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const params: unknown[] = [];
      const where = [tenantFilter(ctx, 'jcm_lead', params)];
      filters(where, params, [
        ['partnership_id', q.partnershipId],
        ['status', q.status],
      ]);
      const { rows, total } = await pageRows<Row>(m, COLUMNS, {
        from: `FROM partnership.jcm_lead WHERE ${where.join(' AND ')}`,
        params,
        sort: q.sort,
        sortColumns: { createdAt: 'created_at', estimatedCostYen: 'estimated_cost_yen' },
        limit: q.limit,
        offset: q.offset,
      });
      return { items: rows.map(toView), total };
    });
  }

  private async find(m: EntityManager, ctx: RequestContext, id: string, forUpdate = false): Promise<Row> {
    const params: unknown[] = [id];
    const [row] = await m.query(
      `SELECT ${COLUMNS} FROM partnership.jcm_lead WHERE id = $1 AND ${tenantFilter(ctx, 'jcm_lead', params)} ${forUpdate ? 'FOR UPDATE' : ''}`,
      params,
    );
    if (!row) throw notFound('JCM lead', id);
    return row;
  }
}

function toView(r: Row): JcmLeadView {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    contractId: r.contract_id,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    technology: r.technology,
    estimatedTco2PerYear: r.estimated_tco2_per_year,
    estimatedCostYen: yenFrom(r.estimated_cost_yen),
    consortium: r.consortium,
    status: r.status,
    statusNote: r.status_note,
    createdAt: isoAt(r.created_at),
    updatedAt: isoAt(r.updated_at),
  };
}
