import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AnnualContractView,
  canApply,
  canReviewProposals,
  CreateProposalCommand,
  DomainError,
  isContractor,
  ListProposalsQuery,
  PARTNERSHIP_EVENTS,
  PartyRef,
  ProposalPage,
  ProposalView,
  RejectProposalCommand,
  RequestContext,
  ScoreProposalCommand,
  SelectProposalCommand,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { scoreC3pProposal } from '@jcm/rules';
import { createContractForSelection } from '../annual-contract/annual-contract.creation';
import { loadContractView } from '../annual-contract/annual-contract.rows';
import { presetOf } from '../programme-shared/budget';
import { Clock, PROGRAMME_CLOCK, todayUtc } from '../programme-shared/clock';
import { assertState, filters, forbidden, notFound, pageRows, tenantFilter, yenFrom } from '../programme-shared/programme-sql';
import { findingViews, refuseOnErrors } from '../programme-shared/rule-findings';
import { PROPOSAL_COLUMNS, ProposalRow, toProposalView } from './proposal.rows';
import { draftFindings, eligibilityFindings, selectionFindings, SubmittedLetter } from './proposal.rules';
import { addParticipantToPartnership } from '../partnership/partnership-participants';

const FROM = `FROM partnership.proposal p JOIN partnership.call_round cr ON cr.id = p.call_id`;
type Row = ProposalRow & { preset_id: string; call_state: string; closes_on: string; monthly_report_due_day: number };

/** 企画書: drafted and submitted by the contractor company, scored and decided by MOE / the secretariat. */
@Injectable()
export class ProposalService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(PROGRAMME_CLOCK) private readonly clock: Clock,
  ) {}

  async create(ctx: RequestContext, cmd: CreateProposalCommand): Promise<ProposalView> {
    const req = cmd.request;
    if (!canApply(ctx) || cmd.company.orgId !== ctx.orgId) throw forbidden('Only the applying company itself may draft a proposal (代表事業者).');
    // The pair and its history are read as the service: a company is not yet a participant of the city pair.
    const pair = await inTenantTransaction(this.ds, 'system', (m) => this.resolvePair(m, cmd));
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const [call] = await m.query(`SELECT id, state, fiscal_year, preset_id FROM partnership.call_round WHERE id = $1`, [req.callId]);
      if (!call) throw notFound('Call', req.callId);
      if (call.state !== 'published') throw new DomainError('CONFLICT', `The call is ${call.state}; proposals are drafted while it is published.`);
      if (call.fiscal_year !== req.fiscalYear) {
        throw new DomainError('VALIDATION_FAILED', 'The fiscal year differs from the call.', [{ path: 'fiscalYear', message: `Must be ${call.fiscal_year}` }]);
      }
      const preset = presetOf(call.preset_id);
      const history = [...new Set([...req.pairHistoryFiscalYears, ...pair.contractYears])];
      const { findings, pairYearCount } = draftFindings(req, history, preset);
      refuseOnErrors(findings, 'Proposal');
      const participants = [...new Set([cmd.company.orgId, pair.municipality.orgId, pair.partnerCity.orgId, ...cmd.otherMembers.map((o) => o.orgId)])];
      const [{ id }] = await m.query(
        `INSERT INTO partnership.proposal (call_id, kind, partnership_id, company, municipality, partner_city, other_members, phase,
           year_in_phase, fiscal_year, pair_history_fiscal_years, pair_year_count, title_ja, title_en, target_fields, summary_ja,
           summary_en, eligibility, requested_yen, budget_lines, findings, participant_org_ids, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23) RETURNING id`,
        [req.callId, req.kind, req.partnershipId ?? null, cmd.company, pair.municipality, pair.partnerCity, JSON.stringify(cmd.otherMembers),
          req.phase, req.yearInPhase, req.fiscalYear, req.pairHistoryFiscalYears, pairYearCount, req.titleJa, req.titleEn, req.targetFields,
          req.summaryJa, req.summaryEn, req.eligibility, req.requestedYen, JSON.stringify(req.budgetLines), JSON.stringify(findingViews(findings)),
          participants, ctx.userId],
      );
      const view = await this.view(m, ctx, id);
      await appendToOutbox(m, 'partnership', PARTNERSHIP_EVENTS.proposal.created.type, view, ctx);
      return view;
    });
  }

  async submit(ctx: RequestContext, id: string): Promise<ProposalView> {
    return this.mutate(ctx, id, async (m, p) => {
      if (!isContractor(ctx, p.company.orgId)) throw forbidden('Only the applying company submits its proposal.');
      assertState('proposal', p.state, ['draft'], 'submit');
      // Guard (§6.2): submitted while the call is open, on or before its closing day.
      if (p.call_state !== 'published' || todayUtc(this.clock) > p.closes_on) {
        throw new DomainError('CONFLICT', `The call is closed for submissions (closes ${p.closes_on}).`);
      }
      const letters: SubmittedLetter[] = await m.query(
        `SELECT issuer_role AS "issuerRole", coalesce(language, 'und') AS language,
                EXISTS (SELECT 1 FROM partnership.interest_letter_file f WHERE f.letter_id = l.id AND f.kind = 'TRANSLATION') AS "hasJapaneseTranslation"
           FROM partnership.interest_letter l WHERE l.proposal_id = $1 AND l.state = 'attached_to_proposal'`,
        [p.id],
      );
      const findings = eligibilityFindings(p.eligibility, p.partner_city, letters, presetOf(p.preset_id));
      refuseOnErrors(findings, 'Submission');
      await m.query(`UPDATE partnership.proposal SET state = 'submitted', submitted_at = now(), findings = findings || $2::jsonb, updated_at = now() WHERE id = $1`, [
        p.id,
        JSON.stringify(findingViews(findings)),
      ]);
      return PARTNERSHIP_EVENTS.proposal.submitted.type;
    });
  }

  async withdraw(ctx: RequestContext, id: string): Promise<ProposalView> {
    return this.mutate(ctx, id, async (m, p) => {
      if (!isContractor(ctx, p.company.orgId)) throw forbidden('Only the applying company withdraws its proposal.');
      assertState('proposal', p.state, ['draft', 'submitted'], 'withdraw');
      await m.query(`UPDATE partnership.proposal SET state = 'withdrawn', updated_at = now() WHERE id = $1`, [p.id]);
      return PARTNERSHIP_EVENTS.proposal.withdrawn.type;
    });
  }

  async score(ctx: RequestContext, cmd: ScoreProposalCommand): Promise<ProposalView> {
    if (!canReviewProposals(ctx)) throw forbidden('Only MOE or the secretariat score proposals.');
    return this.mutate(ctx, cmd.id, async (m, p) => {
      assertState('proposal', p.state, ['submitted', 'under_review'], 'score');
      const result = scoreC3pProposal({ ...cmd.score, kind: p.kind }, presetOf(p.preset_id));
      refuseOnErrors(result.findings, 'Score');
      const score = {
        total: result.total,
        maxTotal: result.maxTotal,
        section1: result.section1,
        section2: result.section2,
        themeNovelty: cmd.themeNovelty ?? null,
        scoredAt: new Date().toISOString(),
      };
      await m.query(`UPDATE partnership.proposal SET state = 'under_review', score = $2, score_total = $3, updated_at = now() WHERE id = $1`, [
        p.id,
        score,
        result.total,
      ]);
      return PARTNERSHIP_EVENTS.proposal.scored.type;
    });
  }

  /** 採択: naturally idempotent — selecting a selected proposal returns its one contract. */
  async select(ctx: RequestContext, cmd: SelectProposalCommand): Promise<AnnualContractView> {
    if (!canReviewProposals(ctx)) throw forbidden('Only MOE or the secretariat select proposals.');
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const p = await this.find(m, ctx, cmd.id, true);
      if (p.state === 'selected') {
        const [existing] = await m.query(`SELECT id FROM partnership.annual_contract WHERE proposal_id = $1`, [p.id]);
        if (existing) return loadContractView(m, existing.id);
      }
      assertState('proposal', p.state, ['under_review'], 'select');
      if (p.call_state !== 'under_review') throw new DomainError('CONFLICT', `Selection happens while the call is under review (it is ${p.call_state}).`);
      const findings = selectionFindings(
        { ...p, requested_yen: yenFrom(p.requested_yen) },
        p.score?.themeNovelty ?? undefined,
        presetOf(p.preset_id),
      );
      refuseOnErrors(findings, 'Selection');
      const partnershipId = p.partnership_id ?? (await this.registerPair(m, ctx, p));
      await m.query(`UPDATE partnership.proposal SET state = 'selected', partnership_id = $2, updated_at = now() WHERE id = $1`, [p.id, partnershipId]);
      // The selected contractor works on the pair from now on (and applies for its continuation): it must see it.
      await addParticipantToPartnership(m, ctx, partnershipId, { ...p.company, role: 'CONTRACTOR' });
      const contract = await createContractForSelection(m, ctx, { ...p, partnership_id: partnershipId }, p, {
        startDate: cmd.contractStartDate,
        endDate: cmd.contractEndDate,
      });
      await appendToOutbox(m, 'partnership', PARTNERSHIP_EVENTS.proposal.selected.type, { proposalId: p.id, contractId: contract.id }, ctx);
      return contract;
    });
  }

  async reject(ctx: RequestContext, cmd: RejectProposalCommand): Promise<ProposalView> {
    if (!canReviewProposals(ctx)) throw forbidden('Only MOE or the secretariat reject proposals.');
    return this.mutate(ctx, cmd.id, async (m, p) => {
      assertState('proposal', p.state, ['submitted', 'under_review'], 'reject');
      await m.query(`UPDATE partnership.proposal SET state = 'rejected', decision_reason = $2, updated_at = now() WHERE id = $1`, [p.id, cmd.reason]);
      return PARTNERSHIP_EVENTS.proposal.rejected.type;
    });
  }

  async list(ctx: RequestContext, q: ListProposalsQuery): Promise<ProposalPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const params: unknown[] = [];
      const where = [tenantFilter(ctx, 'p', params)];
      filters(where, params, [
        ['p.call_id', q.callId],
        ['p.state', q.state],
        ['p.fiscal_year', q.fiscalYear],
      ]);
      const { rows, total } = await pageRows<Row>(m, `${PROPOSAL_COLUMNS}, cr.preset_id`, {
        from: `${FROM} WHERE ${where.join(' AND ')}`,
        params,
        sort: q.sort,
        sortColumns: { createdAt: 'p.created_at', fiscalYear: 'p.fiscal_year', scoreTotal: 'p.score_total', titleJa: 'p.title_ja' },
        limit: q.limit,
        offset: q.offset,
      });
      return { items: rows.map((r) => toProposalView(r, r.preset_id)), total };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<ProposalView> {
    return inTenantTransaction(this.ds, ctx, (m) => this.view(m, ctx, id));
  }

  private async view(m: EntityManager, ctx: RequestContext, id: string): Promise<ProposalView> {
    const r = await this.find(m, ctx, id);
    return toProposalView(r, r.preset_id);
  }

  private async find(m: EntityManager, ctx: RequestContext, id: string, forUpdate = false): Promise<Row> {
    const params: unknown[] = [id];
    const [row] = await m.query(
      `SELECT ${PROPOSAL_COLUMNS}, cr.preset_id, cr.state AS call_state, to_char(cr.closes_on, 'YYYY-MM-DD') AS closes_on,
              cr.monthly_report_due_day ${FROM} WHERE p.id = $1 AND ${tenantFilter(ctx, 'p', params)} ${forUpdate ? 'FOR UPDATE OF p' : ''}`,
      params,
    );
    if (!row) throw notFound('Proposal', id);
    return row;
  }

  /** One transition: lock, check, update, publish `eventType`, reply with the new view. */
  private mutate(ctx: RequestContext, id: string, work: (m: EntityManager, p: Row) => Promise<string>): Promise<ProposalView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const eventType = await work(m, await this.find(m, ctx, id, true));
      const view = await this.view(m, ctx, id);
      await appendToOutbox(m, 'partnership', eventType, view, ctx);
      return view;
    });
  }

  private async resolvePair(m: EntityManager, cmd: CreateProposalCommand) {
    const req = cmd.request;
    let municipality: PartyRef | null = cmd.municipality;
    let partnerCity: PartyRef | null = cmd.partnerCity;
    if (req.partnershipId) {
      const [pair] = await m.query(`SELECT municipality, partner_city FROM partnership.partnership WHERE id = $1`, [req.partnershipId]);
      if (!pair) throw notFound('Partnership', req.partnershipId);
      municipality = pair.municipality;
      partnerCity = pair.partner_city;
    }
    if (!municipality || !partnerCity) {
      throw new DomainError('VALIDATION_FAILED', 'A proposal needs its Japanese municipality and partner city.', [
        { path: 'municipalityOrgId', message: 'Required for a new pair' },
      ]);
    }
    // 7年ルール: years already contracted on this platform for the same (JP city, partner city) pair.
    const years: { fiscal_year: number }[] = await m.query(
      `SELECT DISTINCT fiscal_year FROM partnership.annual_contract
        WHERE municipality->>'orgId' = $1 AND partner_city->>'orgId' = $2 AND state <> 'negotiation'`,
      [municipality.orgId, partnerCity.orgId],
    );
    // …and the years the pair's record declares from before the platform (recorded by the municipality or MOE).
    const declared: { fy: number }[] = await m.query(
      `SELECT unnest(declared_history_fiscal_years) AS fy FROM partnership.partnership
        WHERE municipality->>'orgId' = $1 AND partner_city->>'orgId' = $2`,
      [municipality.orgId, partnerCity.orgId],
    );
    return { municipality, partnerCity, contractYears: [...years.map((y) => y.fiscal_year), ...declared.map((d) => d.fy)] };
  }

  /** A selected new pair becomes a 都市間連携 record, so its years count from now on. */
  private async registerPair(m: EntityManager, ctx: RequestContext, p: Row): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO partnership.partnership (municipality, partner_city, title_ja, title_en, target_fields, participant_org_ids, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
      [p.municipality, p.partner_city, p.title_ja, p.title_en, p.target_fields, [p.municipality.orgId, p.partner_city.orgId], ctx.userId],
    );
    await appendToOutbox(m, 'partnership', PARTNERSHIP_EVENTS.partnership.created.type, {
      id: row.id,
      municipality: p.municipality,
      partnerCity: p.partner_city,
      titleJa: p.title_ja,
      titleEn: p.title_en,
      targetFields: p.target_fields,
      targetFieldOther: null,
      createdAt: new Date(row.created_at).toISOString(),
    }, ctx, undefined, row.id);
    return row.id;
  }
}
