import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { C3P_FY2026_CALL1 } from '@jcm/rules';
import {
  Dashboard,
  DashboardQuery,
  JCM_ACQUISITION_TARGETS,
  PipelineStage,
  RequestContext,
  seesAllRecords,
} from '@jcm/contracts';
import { Clock, CLOCK, DATA_SOURCE, inTenantTransaction, todayUtc } from '@jcm/service-kit';
import { percentOf, StageRow, withConversions } from './dashboard-figures';

/** Days before a 月次報告's due date (the 10th of the next month) from which it counts as due soon. */
export const DUE_SOON_DAYS = 7;

/** Open 月次報告 states: not yet with the secretariat (draft, or returned for correction). */
const OPEN = `('draft', 'returned')`;

/**
 * The dashboard's figures, computed from the projections under the caller's RLS scope and, in the query itself,
 * the same participant filter (DESIGN §5: enforced twice). MOE and the secretariat see every record.
 */
@Injectable()
export class DashboardService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get(ctx: RequestContext, q: DashboardQuery): Promise<Dashboard> {
    const all = seesAllRecords(ctx);
    const scope = (alias: string) => `($1::boolean OR $2::uuid = ANY(${alias}.participant_org_ids))`;
    const params = [all, ctx.orgId ?? '00000000-0000-0000-0000-000000000000'];
    const fy = q.fiscalYear ?? null;
    return inTenantTransaction(this.ds, ctx, async (m) => ({
      fiscalYear: fy,
      money: await this.money(m, scope, params, fy),
      pipeline: withConversions(await this.pipeline(m, scope, params, fy)),
      tonnes: await this.tonnes(m, scope, params),
      workDue: await this.workDue(m, scope, params, fy),
    }));
  }

  private async money(m: EntityManager, scope: (a: string) => string, params: unknown[], fy: number | null) {
    const cap = C3P_FY2026_CALL1.annualCapInclTaxYen;
    const rows: { fiscal_year: number; contracts: string; amount: string; over_cap: string }[] =
      await m.query(
        `SELECT fiscal_year, count(*) AS contracts, coalesce(sum(contract_amount_yen), 0)::text AS amount,
              count(*) FILTER (WHERE contract_amount_yen > $4) AS over_cap
         FROM portfolio.contract c WHERE ${scope('c')} AND ($3::int IS NULL OR fiscal_year = $3)
        GROUP BY fiscal_year ORDER BY fiscal_year`,
        [...params, fy, cap],
      );
    const total = rows.reduce((s, r) => s + BigInt(r.amount), 0n);
    return {
      contracts: rows.reduce((s, r) => s + Number(r.contracts), 0),
      contractAmountYen: total.toString(),
      capPerContractYen: String(cap),
      contractsOverCap: rows.reduce((s, r) => s + Number(r.over_cap), 0),
      byFiscalYear: rows.map((r) => ({
        fiscalYear: r.fiscal_year,
        contracts: Number(r.contracts),
        amountYen: r.amount,
      })),
    };
  }

  private async pipeline(
    m: EntityManager,
    scope: (a: string) => string,
    params: unknown[],
    fy: number | null,
  ): Promise<StageRow[]> {
    const one = async (stage: PipelineStage, sql: string, extra: unknown[] = []): Promise<StageRow> => {
      const [r]: { count: string; yen: string; tco2: string }[] = await m.query(sql, [...params, ...extra]);
      return { stage, count: Number(r.count), yen: r.yen, tco2: r.tco2 };
    };
    const fromRecords = (stage: PipelineStage) =>
      one(
        stage,
        `SELECT count(*) AS count, coalesce(sum(yen), 0)::text AS yen, coalesce(sum(tco2), 0)::text AS tco2
           FROM portfolio.pipeline_record r WHERE ${scope('r')} AND stage = $3`,
        [stage],
      );
    return [
      await one(
        'city_pair',
        `SELECT count(*) AS count,
                coalesce((SELECT sum(contract_amount_yen) FROM portfolio.contract c
                           WHERE ${scope('c')} AND ($3::int IS NULL OR c.fiscal_year = $3)), 0)::text AS yen, '0' AS tco2
           FROM portfolio.partnership p WHERE ${scope('p')} AND p.as_of > '-infinity'`,
        [fy],
      ),
      // A lead's estimated cost and expected annual reduction (the projection the targets are compared with).
      await one(
        'jcm_lead',
        `SELECT count(*) AS count, coalesce(sum(estimated_cost_yen), 0)::text AS yen,
                coalesce(sum(estimated_tco2_per_year), 0)::text AS tco2 FROM portfolio.jcm_lead l WHERE ${scope('l')}`,
      ),
      await fromRecords('application'),
      await fromRecords('adopted'),
      await fromRecords('decided'),
      // JCM project registration as the registry records it (credits.project.registered).
      await one(
        'registered',
        `SELECT count(*) AS count, '0' AS yen, '0' AS tco2 FROM portfolio.credit_project p WHERE ${scope('p')}`,
      ),
      await fromRecords('verified'),
      await one(
        'issued',
        `SELECT count(DISTINCT project_id) AS count, '0' AS yen, coalesce(sum(quantity), 0)::text AS tco2
           FROM portfolio.issuance i WHERE ${scope('i')}`,
      ),
    ];
  }

  private async tonnes(m: EntityManager, scope: (a: string) => string, params: unknown[]) {
    type Row = { key: string; issued: string; government_share: string; retired: string };
    const by = async (
      keyExpr: string,
      retiredKey: string | null,
    ): Promise<{ key: string; issued: string; governmentShare: string; retired: string }[]> => {
      const rows: Row[] = await m.query(
        `WITH i AS (SELECT ${keyExpr} AS key, sum(i.quantity) AS issued, sum(i.government_quantity) AS gov
                      FROM portfolio.issuance i LEFT JOIN portfolio.credit_project p ON p.project_id = i.project_id
                     WHERE ${scope('i')} GROUP BY 1),
              r AS (SELECT ${retiredKey ?? 'NULL::text'} AS key, sum(r.quantity) AS retired
                      FROM portfolio.retirement r LEFT JOIN portfolio.credit_account a ON a.account_id = r.from_account_id
                     WHERE ${scope('r')} AND ${retiredKey ? 'true' : 'false'} GROUP BY 1)
         SELECT coalesce(i.key, r.key)::text AS key, coalesce(i.issued, 0)::text AS issued,
                coalesce(i.gov, 0)::text AS government_share, coalesce(r.retired, 0)::text AS retired
           FROM i FULL JOIN r ON r.key = i.key ORDER BY 1`,
        params,
      );
      return rows.map((r) => ({
        key: r.key ?? '',
        issued: r.issued,
        governmentShare: r.government_share,
        retired: r.retired,
      }));
    };
    const [totals]: { issued: string; gov: string; retired: string }[] = await m.query(
      `SELECT (SELECT coalesce(sum(quantity), 0) FROM portfolio.issuance i WHERE ${scope('i')})::text AS issued,
              (SELECT coalesce(sum(government_quantity), 0) FROM portfolio.issuance i WHERE ${scope('i')})::text AS gov,
              (SELECT coalesce(sum(quantity), 0) FROM portfolio.retirement r WHERE ${scope('r')})::text AS retired`,
      params,
    );
    return {
      issued: totals.issued,
      governmentShare: totals.gov,
      retired: totals.retired,
      targets: JCM_ACQUISITION_TARGETS.map((t) => ({
        fiscalYear: t.fiscalYear,
        tonnes: t.tonnes,
        percentIssued: percentOf(totals.issued, t.tonnes),
      })),
      // Country: the project's partner country for issuance; the registry of the account retired from.
      byCountry: await by(`coalesce(p.partner_country, i.registry)`, 'a.registry'),
      byMethodology: await by(`coalesce(p.methodology, '')`, null),
      byVintage: await by(`i.vintage::text`, null),
    };
  }

  private async workDue(
    m: EntityManager,
    scope: (a: string) => string,
    params: unknown[],
    fy: number | null,
  ) {
    const today = todayUtc(this.clock);
    const rows: { org_id: string; name_ja: string; name_en: string; due_soon: string; overdue: string }[] =
      await m.query(
        `SELECT c.company->>'orgId' AS org_id, c.company->>'nameJa' AS name_ja, c.company->>'nameEn' AS name_en,
              count(*) FILTER (WHERE r.due_date >= $3::date AND r.due_date <= $3::date + $4::int) AS due_soon,
              count(*) FILTER (WHERE r.due_date < $3::date) AS overdue
         FROM portfolio.monthly_report r JOIN portfolio.contract c ON c.contract_id = r.contract_id
        WHERE ${scope('r')} AND r.state IN ${OPEN} AND ($5::int IS NULL OR c.fiscal_year = $5)
        GROUP BY 1, 2, 3 ORDER BY 3`,
        [...params, today, DUE_SOON_DAYS, fy],
      );
    const byOrganisation = rows
      .map((r) => ({
        orgId: r.org_id,
        nameJa: r.name_ja,
        nameEn: r.name_en,
        dueSoon: Number(r.due_soon),
        overdue: Number(r.overdue),
      }))
      .filter((r) => r.dueSoon + r.overdue > 0);
    return {
      monthlyReportsDueSoon: byOrganisation.reduce((s, r) => s + r.dueSoon, 0),
      monthlyReportsOverdue: byOrganisation.reduce((s, r) => s + r.overdue, 0),
      byOrganisation,
    };
  }
}
