import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  canAddPartnershipParticipant,
  PARTNERSHIP_EVENTS,
  PartnershipTimeline,
  PartnershipYear,
  RequestContext,
  UpdatePartnershipAgreementCommand,
} from '@jcm/contracts';
import { C3P_FY2026_CALL1, pairSevenYearRule } from '@jcm/rules';
import {
  appendToOutbox,
  DATA_SOURCE,
  forbidden,
  inTenantTransaction,
  int,
  queryRows,
  text,
  uuid,
} from '@jcm/service-kit';
import { PARTNERSHIP, PARTNERSHIP_SOURCE } from './partnership.rows';
import { PartnershipService } from './partnership.service';

/** A contract year of the pair, read as the service (the 7-year rule counts every contractor's years). */
const CONTRACT_YEAR = {
  id: uuid(),
  fiscal_year: int(),
  state: text(),
  phase: int(),
  year_in_phase: int(),
};

/** A city pair over the years (協定・実施年度・7年ルール): what the municipality and MOE check before a call. */
@Injectable()
export class PartnershipTimelineService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly partnerships: PartnershipService,
  ) {}

  async timeline(ctx: RequestContext, id: string): Promise<PartnershipTimeline> {
    await this.partnerships.get(ctx, id); // 404 unless the caller may see the pair
    // The 7-year rule counts every year of the pair, including contracts of other contractors that the caller
    // cannot open: count them as the service, and show their ids only where the caller's own RLS allows.
    const visible = new Set(
      (
        await inTenantTransaction(this.ds, ctx, (m) =>
          queryRows(
            m,
            { id: uuid() },
            `SELECT id FROM partnership.annual_contract WHERE partnership_id = $1`,
            [id],
          ),
        )
      ).map((r) => r.id),
    );
    return inTenantTransaction(this.ds, 'system', async (m) => {
      const pair = await PARTNERSHIP_SOURCE.find(m, 'system', id);
      const contracts = await queryRows(
        m,
        CONTRACT_YEAR,
        `SELECT c.id, c.fiscal_year, c.state, p.phase, p.year_in_phase
           FROM partnership.annual_contract c JOIN partnership.proposal p ON p.id = c.proposal_id
          WHERE c.partnership_id = $1 AND c.state <> 'suspended' ORDER BY c.fiscal_year`,
        [id],
      );
      const years: PartnershipYear[] = [
        ...pair.declared_history_fiscal_years
          .filter((fy) => !contracts.some((c) => c.fiscal_year === fy))
          .map((fy) => ({
            fiscalYear: fy,
            source: 'DECLARED' as const,
            phase: null,
            yearInPhase: null,
            contractId: null,
            state: null,
          })),
        ...contracts.map((c) => ({
          fiscalYear: c.fiscal_year,
          source: 'CONTRACT' as const,
          phase: c.phase,
          yearInPhase: c.year_in_phase,
          contractId: visible.has(c.id) ? c.id : null,
          state: visible.has(c.id) ? c.state : null,
        })),
      ].sort((a, b) => a.fiscalYear - b.fiscalYear);
      const fiscalYears = years.map((y) => y.fiscalYear);
      const nextFiscalYear = fiscalYears.length ? Math.max(...fiscalYears) + 1 : C3P_FY2026_CALL1.fiscalYear;
      const rule = pairSevenYearRule(fiscalYears, nextFiscalYear, C3P_FY2026_CALL1);
      return {
        partnershipId: id,
        agreement: { status: pair.agreement_status, type: pair.agreement_type, date: pair.agreement_date },
        years,
        sevenYearRule: {
          nextFiscalYear,
          countedYearsIfContinued: rule.countedYears,
          maxYears: C3P_FY2026_CALL1.pairMaxTotalYears,
          continuationAllowed: rule.allowed,
          findings: rule.findings,
        },
      };
    });
  }

  /** Records the agreement status (and years from before the platform): MOE, the secretariat or the municipality. */
  async updateAgreement(
    ctx: RequestContext,
    cmd: UpdatePartnershipAgreementCommand,
  ): Promise<PartnershipTimeline> {
    const pair = await this.partnerships.get(ctx, cmd.partnershipId);
    if (!canAddPartnershipParticipant(ctx, pair.municipality.orgId)) {
      throw forbidden(
        'Only MOE, the secretariat or the partnership’s municipality may record its agreement.',
      );
    }
    await inTenantTransaction(this.ds, ctx, async (m) => {
      await PARTNERSHIP.update(m, cmd.partnershipId, {
        agreement_status: cmd.agreement.status,
        agreement_type: cmd.agreement.type,
        agreement_date: cmd.agreement.date,
        declared_history_fiscal_years: cmd.declaredHistoryFiscalYears
          ? [...new Set(cmd.declaredHistoryFiscalYears)].sort()
          : undefined,
      });
      await appendToOutbox(m, 'partnership', PARTNERSHIP_EVENTS.partnership.agreementUpdated, cmd, ctx, {
        aggregateId: cmd.partnershipId,
      });
    });
    return this.timeline(ctx, cmd.partnershipId);
  }
}
