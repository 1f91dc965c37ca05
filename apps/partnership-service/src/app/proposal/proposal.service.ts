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
  PARTNERSHIP_RPC,
  PartyRef,
  ProposalPage,
  ProposalView,
  RejectProposalCommand,
  RequestContext,
  ScoreProposalCommand,
  SelectProposalCommand,
} from '@jcm/contracts';
import {
  Aggregate,
  appendToOutbox,
  assertState,
  bool,
  Clock,
  CLOCK,
  DATA_SOURCE,
  forbidden,
  inTenantTransaction,
  int,
  NOW,
  queryRows,
  text,
  todayUtc,
} from '@jcm/service-kit';
import { scoreC3pProposal } from '@jcm/rules';
import { createContractForSelection } from '../annual-contract/annual-contract.creation';
import { ANNUAL_CONTRACT, CONTRACT_SOURCE, contractView } from '../annual-contract/annual-contract.rows';
import { CALL_SOURCE } from '../call/call.rows';
import { addParticipantToPartnership, registerPartnership } from '../partnership/partnership-records';
import { PARTNERSHIP_SOURCE } from '../partnership/partnership.rows';
import { presetOf } from '../programme-shared/budget';
import { findingViews, refuseOnErrors } from '../programme-shared/rule-findings';
import { PROPOSAL, PROPOSAL_SOURCE, ProposalRow, toProposalView } from './proposal.rows';
import { draftFindings, eligibilityFindings, selectionFindings } from './proposal.rules';

/** A letter attached to the proposal, as the eligibility rules read it. */
const SUBMITTED_LETTER = {
  issuerRole: text<'JP_MUNICIPALITY' | 'PARTNER_CITY' | 'STAKEHOLDER'>(),
  language: text(),
  hasJapaneseTranslation: bool(),
};

/** 企画書: drafted and submitted by the contractor company, scored and decided by MOE / the secretariat. */
@Injectable()
export class ProposalService {
  private readonly proposals;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.proposals = new Aggregate(ds, {
      schema: 'partnership',
      source: PROPOSAL_SOURCE,
      view: toProposalView,
    });
  }

  /** Once per Idempotency-Key: a retried draft answers the first proposal instead of creating a second. */
  async create(ctx: RequestContext, cmd: CreateProposalCommand): Promise<ProposalView> {
    const req = cmd.request;
    if (!canApply(ctx) || cmd.company.orgId !== ctx.orgId)
      throw forbidden('Only the applying company itself may draft a proposal (代表事業者).');
    // The pair and its history are read as the service: a company is not yet a participant of the city pair.
    const pair = await inTenantTransaction(this.ds, 'system', (m) => this.resolvePair(m, cmd));
    return this.proposals.create(
      ctx,
      { operation: PARTNERSHIP_RPC.proposal.create, body: cmd },
      async (m) => {
        const call = await CALL_SOURCE.find(m, ctx, req.callId);
        if (call.state !== 'published')
          throw new DomainError(
            'CONFLICT',
            `The call is ${call.state}; proposals are drafted while it is published.`,
          );
        if (call.fiscal_year !== req.fiscalYear) {
          throw new DomainError('VALIDATION_FAILED', 'The fiscal year differs from the call.', [
            { path: 'fiscalYear', message: `Must be ${call.fiscal_year}` },
          ]);
        }
        const history = [...new Set([...req.pairHistoryFiscalYears, ...pair.contractYears])];
        const { findings, pairYearCount } = draftFindings(req, history, presetOf(call.preset_id));
        refuseOnErrors(findings, 'Proposal');
        const row = await PROPOSAL.insert(m, {
          call_id: req.callId,
          kind: req.kind,
          partnership_id: req.partnershipId ?? null,
          company: cmd.company,
          municipality: pair.municipality,
          partner_city: pair.partnerCity,
          other_members: cmd.otherMembers,
          phase: req.phase,
          year_in_phase: req.yearInPhase,
          fiscal_year: req.fiscalYear,
          pair_history_fiscal_years: req.pairHistoryFiscalYears,
          pair_year_count: pairYearCount,
          title_ja: req.titleJa,
          title_en: req.titleEn,
          target_fields: req.targetFields,
          summary_ja: req.summaryJa,
          summary_en: req.summaryEn,
          eligibility: req.eligibility,
          requested_yen: req.requestedYen,
          budget_lines: req.budgetLines,
          findings: findingViews(findings),
          participant_org_ids: [
            ...new Set([
              cmd.company.orgId,
              pair.municipality.orgId,
              pair.partnerCity.orgId,
              ...cmd.otherMembers.map((o) => o.orgId),
            ]),
          ],
          created_by: ctx.userId,
        });
        return { id: row.id, outcome: PARTNERSHIP_EVENTS.proposal.created };
      },
    );
  }

  submit(ctx: RequestContext, id: string): Promise<ProposalView> {
    return this.proposals.transition(ctx, id, async (m, p) => {
      if (!isContractor(ctx, p.company.orgId))
        throw forbidden('Only the applying company submits its proposal.');
      assertState('proposal', p.state, ['draft'], 'submit');
      // Guard (§6.2): submitted while the call is open, on or before its closing day.
      if (p.call_state !== 'published' || todayUtc(this.clock) > p.closes_on) {
        throw new DomainError('CONFLICT', `The call is closed for submissions (closes ${p.closes_on}).`);
      }
      const letters = await queryRows(
        m,
        SUBMITTED_LETTER,
        `SELECT issuer_role AS "issuerRole", coalesce(language, 'und') AS language,
                EXISTS (SELECT 1 FROM partnership.interest_letter_file f WHERE f.letter_id = l.id AND f.kind = 'TRANSLATION') AS "hasJapaneseTranslation"
           FROM partnership.interest_letter l WHERE l.proposal_id = $1 AND l.state = 'attached_to_proposal'`,
        [p.id],
      );
      const findings = eligibilityFindings(p.eligibility, p.partner_city, letters, presetOf(p.preset_id));
      refuseOnErrors(findings, 'Submission');
      await PROPOSAL.update(m, p.id, {
        state: 'submitted',
        submitted_at: NOW,
        findings: [...p.findings, ...findingViews(findings)],
      });
      return PARTNERSHIP_EVENTS.proposal.submitted;
    });
  }

  withdraw(ctx: RequestContext, id: string): Promise<ProposalView> {
    return this.proposals.transition(ctx, id, async (m, p) => {
      if (!isContractor(ctx, p.company.orgId))
        throw forbidden('Only the applying company withdraws its proposal.');
      assertState('proposal', p.state, ['draft', 'submitted'], 'withdraw');
      await PROPOSAL.update(m, p.id, { state: 'withdrawn' });
      return PARTNERSHIP_EVENTS.proposal.withdrawn;
    });
  }

  async score(ctx: RequestContext, cmd: ScoreProposalCommand): Promise<ProposalView> {
    if (!canReviewProposals(ctx)) throw forbidden('Only MOE or the secretariat score proposals.');
    return this.proposals.transition(ctx, cmd.id, async (m, p) => {
      assertState('proposal', p.state, ['submitted', 'under_review'], 'score');
      const result = scoreC3pProposal({ ...cmd.score, kind: p.kind }, presetOf(p.preset_id));
      refuseOnErrors(result.findings, 'Score');
      const score = {
        total: result.total,
        maxTotal: result.maxTotal,
        section1: result.section1,
        section2: result.section2,
        themeNovelty: cmd.themeNovelty ?? null,
        scoredAt: this.clock.now().toISOString(),
      };
      await PROPOSAL.update(m, p.id, { state: 'under_review', score, score_total: result.total });
      return PARTNERSHIP_EVENTS.proposal.scored;
    });
  }

  /** 採択: naturally idempotent — selecting a selected proposal returns its one contract. */
  async select(ctx: RequestContext, cmd: SelectProposalCommand): Promise<AnnualContractView> {
    if (!canReviewProposals(ctx)) throw forbidden('Only MOE or the secretariat select proposals.');
    return this.proposals.inTransaction(
      ctx,
      { operation: PARTNERSHIP_RPC.proposal.select, body: cmd },
      async (m) => {
        const p = await PROPOSAL_SOURCE.find(m, ctx, cmd.id, { lock: true });
        if (p.state === 'selected') {
          const existing = await CONTRACT_SOURCE.first(m, ctx, (w) => w.eq('c.proposal_id', p.id));
          if (existing) return contractView(m, existing);
        }
        assertState('proposal', p.state, ['under_review'], 'select');
        if (p.call_state !== 'under_review')
          throw new DomainError(
            'CONFLICT',
            `Selection happens while the call is under review (it is ${p.call_state}).`,
          );
        refuseOnErrors(
          selectionFindings(p, p.score?.themeNovelty ?? undefined, presetOf(p.preset_id)),
          'Selection',
        );
        const partnershipId = p.partnership_id ?? (await this.registerPair(m, ctx, p));
        await PROPOSAL.update(m, p.id, { state: 'selected', partnership_id: partnershipId });
        // The selected contractor works on the pair from now on (and applies for its continuation): it must see it.
        await addParticipantToPartnership(m, ctx, partnershipId, { ...p.company, role: 'CONTRACTOR' });
        const contract = await createContractForSelection(
          m,
          ctx,
          { ...p, partnership_id: partnershipId },
          {
            startDate: cmd.contractStartDate,
            endDate: cmd.contractEndDate,
          },
        );
        await appendToOutbox(
          m,
          'partnership',
          PARTNERSHIP_EVENTS.proposal.selected,
          { proposalId: p.id, contractId: contract.id },
          ctx,
          {
            aggregateId: p.id,
          },
        );
        return contract;
      },
    );
  }

  async reject(ctx: RequestContext, cmd: RejectProposalCommand): Promise<ProposalView> {
    if (!canReviewProposals(ctx)) throw forbidden('Only MOE or the secretariat reject proposals.');
    return this.proposals.transition(ctx, cmd.id, async (m, p) => {
      assertState('proposal', p.state, ['submitted', 'under_review'], 'reject');
      await PROPOSAL.update(m, p.id, { state: 'rejected', decision_reason: cmd.reason });
      return PARTNERSHIP_EVENTS.proposal.rejected;
    });
  }

  list(ctx: RequestContext, q: ListProposalsQuery): Promise<ProposalPage> {
    const sort = {
      createdAt: 'p.created_at',
      fiscalYear: 'p.fiscal_year',
      scoreTotal: 'p.score_total',
      titleJa: 'p.title_ja',
    };
    return this.proposals.list(ctx, q, sort, (w) =>
      w.eq('p.call_id', q.callId).eq('p.state', q.state).eq('p.fiscal_year', q.fiscalYear),
    );
  }

  get(ctx: RequestContext, id: string): Promise<ProposalView> {
    return this.proposals.get(ctx, id);
  }

  private async resolvePair(m: EntityManager, cmd: CreateProposalCommand) {
    const req = cmd.request;
    let municipality: PartyRef | null = cmd.municipality;
    let partnerCity: PartyRef | null = cmd.partnerCity;
    if (req.partnershipId) {
      const pair = await PARTNERSHIP_SOURCE.find(m, 'system', req.partnershipId);
      municipality = pair.municipality;
      partnerCity = pair.partner_city;
    }
    if (!municipality || !partnerCity) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'A proposal needs its Japanese municipality and partner city.',
        [{ path: 'municipalityOrgId', message: 'Required for a new pair' }],
      );
    }
    // 7年ルール: years already contracted on this platform for the same (JP city, partner city) pair…
    const years = await queryRows(
      m,
      { fiscal_year: int() },
      `SELECT DISTINCT fiscal_year FROM ${ANNUAL_CONTRACT.name}
        WHERE municipality->>'orgId' = $1 AND partner_city->>'orgId' = $2 AND state <> 'negotiation'`,
      [municipality.orgId, partnerCity.orgId],
    );
    // …and the years the pair's record declares from before the platform (recorded by the municipality or MOE).
    const declared = await queryRows(
      m,
      { fy: int() },
      `SELECT unnest(declared_history_fiscal_years) AS fy FROM partnership.partnership
        WHERE municipality->>'orgId' = $1 AND partner_city->>'orgId' = $2`,
      [municipality.orgId, partnerCity.orgId],
    );
    return {
      municipality,
      partnerCity,
      contractYears: [...years.map((y) => y.fiscal_year), ...declared.map((d) => d.fy)],
    };
  }

  /** A selected new pair becomes a 都市間連携 record, so its years count from now on. */
  private async registerPair(m: EntityManager, ctx: RequestContext, p: ProposalRow): Promise<string> {
    const pair = await registerPartnership(m, ctx, {
      municipality: p.municipality,
      partner_city: p.partner_city,
      title_ja: p.title_ja,
      title_en: p.title_en,
      target_fields: p.target_fields,
      target_field_other: null,
      participant_org_ids: [p.municipality.orgId, p.partner_city.orgId],
      created_by: ctx.userId,
    });
    return pair.id;
  }
}
