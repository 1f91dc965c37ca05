import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, JCM_TARGET_SOURCE, RequestContext, TargetProgress } from '@jcm/contracts';
import { DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { PENDING_ISSUANCE_REGISTRY } from '../issuance/pending-issuance.service';
import { fiscalYearJst, targetRows } from './target-progress';

const BASIS =
  'The targets are cumulative international emission reductions and removals acquired through the JCM (not a count ' +
  'of credits); the registry measures them by JCM credits (1 credit = 1 tCO2) issued into Japan’s registry, by the ' +
  'fiscal year (JST) of issuance. The Government of Japan’s share, NDC authorisations, corresponding adjustments and ' +
  'retirements towards the NDC are shown alongside; verified reductions awaiting issuance are not counted.';

/** MOE's view of progress towards the JCM targets (~100 MtCO2 by FY2030, ~200 MtCO2 by FY2040). */
@Injectable()
export class ProgressService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async targets(ctx: RequestContext): Promise<TargetProgress> {
    if (ctx.orgType !== 'MOE' && ctx.orgType !== 'SECRETARIAT') {
      throw new DomainError('FORBIDDEN', 'Progress towards the JCM targets is for MOE and the secretariat.');
    }
    const registry = PENDING_ISSUANCE_REGISTRY;
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const years: { fy: number; issued: string; government: string }[] = await m.query(
        `SELECT extract(year FROM (created_at AT TIME ZONE 'Asia/Tokyo') - interval '3 months')::int AS fy,
                sum(quantity)::text AS issued, sum(government_quantity)::text AS government
           FROM credits.issuance WHERE registry = $1 GROUP BY 1 ORDER BY 1`,
        [registry],
      );
      const [blocks]: { ndc: string; adjusted: string }[] = await m.query(
        `SELECT coalesce(sum(quantity) FILTER (WHERE authorised_use = 'NDC'), 0)::text AS ndc,
                coalesce(sum(quantity) FILTER (WHERE ca_applied_on IS NOT NULL), 0)::text AS adjusted
           FROM credits.credit_block WHERE registry = $1`,
        [registry],
      );
      const [retired]: { q: string }[] = await m.query(
        `SELECT coalesce(sum(r.quantity), 0)::text AS q FROM credits.retirement r JOIN credits.account a ON a.id = r.account_id
          WHERE a.registry = $1 AND r.purpose = 'NDC_ACHIEVEMENT'`,
        [registry],
      );
      const [pending]: { q: string }[] = await m.query(
        `SELECT coalesce(sum(quantity), 0)::text AS q FROM credits.pending_issuance WHERE registry = $1 AND status = 'PENDING'`,
        [registry],
      );
      const perYear = years.map((y) => ({
        fiscalYear: y.fy,
        issued: BigInt(y.issued),
        government: BigInt(y.government),
      }));
      const { rows, series } = targetRows(perYear);
      return {
        source: JCM_TARGET_SOURCE,
        basis: BASIS,
        registry,
        asOfFiscalYear: fiscalYearJst(new Date()),
        measures: {
          issued: perYear.reduce((s, y) => s + y.issued, 0n).toString(),
          governmentShare: perYear.reduce((s, y) => s + y.government, 0n).toString(),
          authorisedForNdc: blocks.ndc,
          correspondinglyAdjusted: blocks.adjusted,
          retiredTowardsNdc: retired.q,
          pendingIssuance: pending.q,
        },
        targets: rows,
        byFiscalYear: series,
      };
    });
  }
}
