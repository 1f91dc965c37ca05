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
  PARTNERSHIP_RPC,
  RecordJcmLeadCommand,
  RequestContext,
  seesAllRecords,
} from '@jcm/contracts';
import {
  Aggregate,
  assertVisible,
  DATA_SOURCE,
  forbidden,
  inTenantTransaction,
  notFound,
  queryRows,
  text,
} from '@jcm/service-kit';
import { CONTRACT_SOURCE } from '../annual-contract/annual-contract.rows';
import { PARTNERSHIP_SOURCE } from '../partnership/partnership.rows';
import { JCM_LEAD, JCM_LEAD_SOURCE, toJcmLeadView } from './jcm-lead.rows';

/**
 * 出口戦略: JCM projects found through a city partnership (案件発掘). Visible to the pair's cities and the companies
 * contracted for the pair; `partnership.jcm-lead.recorded` lets grants-service cite the lead in an application.
 */
@Injectable()
export class JcmLeadService {
  private readonly leads;

  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {
    this.leads = new Aggregate(ds, { schema: 'partnership', source: JCM_LEAD_SOURCE, view: toJcmLeadView });
  }

  /** Once per Idempotency-Key: a retried record answers the first lead instead of a duplicate. */
  async record(ctx: RequestContext, cmd: RecordJcmLeadCommand): Promise<JcmLeadView> {
    if (ctx.role === 'viewer') throw forbidden('Viewers cannot record JCM leads.');
    // The pair's participants plus its contracted companies, read as the service (a company is not a pair member).
    const participants = await inTenantTransaction(this.ds, 'system', (m) =>
      this.leadParticipants(m, cmd.partnershipId),
    );
    if (!participants || (!seesAllRecords(ctx) && !participants.includes(ctx.orgId)))
      throw notFound('Partnership', cmd.partnershipId);
    return this.leads.create(ctx, { operation: PARTNERSHIP_RPC.jcmLead.record, body: cmd }, async (m) => {
      if (cmd.contractId) await this.assertContractOfPair(m, ctx, cmd.contractId, cmd.partnershipId);
      const lead = await JCM_LEAD.insert(m, {
        partnership_id: cmd.partnershipId,
        contract_id: cmd.contractId ?? null,
        title_ja: cmd.titleJa,
        title_en: cmd.titleEn,
        technology: cmd.technology,
        estimated_tco2_per_year: cmd.estimatedTco2PerYear,
        estimated_cost_yen: cmd.estimatedCostYen,
        consortium: cmd.consortium,
        participant_org_ids: participants,
        created_by: ctx.userId,
      });
      return { id: lead.id, outcome: PARTNERSHIP_EVENTS.jcmLead.recorded };
    });
  }

  async advance(ctx: RequestContext, cmd: AdvanceJcmLeadCommand): Promise<JcmLeadView> {
    if (ctx.role === 'viewer') throw forbidden('Viewers cannot update JCM leads.');
    return this.leads.transition(ctx, cmd.id, async (m, lead) => {
      if (!JCM_LEAD_NEXT[lead.status].includes(cmd.status)) {
        throw new DomainError(
          'CONFLICT',
          `A lead in ${lead.status} cannot move to ${cmd.status} (allowed: ${JCM_LEAD_NEXT[lead.status].join(', ') || 'none'}).`,
        );
      }
      await JCM_LEAD.update(m, lead.id, { status: cmd.status, status_note: cmd.note ?? null });
      return PARTNERSHIP_EVENTS.jcmLead.advanced;
    });
  }

  list(ctx: RequestContext, q: ListJcmLeadsQuery): Promise<JcmLeadPage> {
    return this.leads.list(
      ctx,
      q,
      { createdAt: 'j.created_at', estimatedCostYen: 'j.estimated_cost_yen' },
      (w) => w.eq('j.partnership_id', q.partnershipId).eq('j.status', q.status),
    );
  }

  private async leadParticipants(m: EntityManager, partnershipId: string): Promise<string[] | null> {
    const pair = await PARTNERSHIP_SOURCE.first(m, 'system', (w) => w.eq('p.id', partnershipId));
    if (!pair) return null;
    const companies = await queryRows(
      m,
      { org: text() },
      `SELECT DISTINCT company->>'orgId' AS org FROM partnership.annual_contract WHERE partnership_id = $1 AND state <> 'negotiation'`,
      [partnershipId],
    );
    return [...new Set<string>([...pair.participant_org_ids, ...companies.map((c) => c.org)])];
  }

  /** A lead cites a contract the caller may see and that belongs to the same pair (issue #13 finding 4). */
  private async assertContractOfPair(
    m: EntityManager,
    ctx: RequestContext,
    contractId: string,
    partnershipId: string,
  ): Promise<void> {
    await assertVisible(
      m,
      CONTRACT_SOURCE,
      ctx,
      contractId,
      'contractId',
      (c) => c.partnership_id === partnershipId,
    );
  }
}
