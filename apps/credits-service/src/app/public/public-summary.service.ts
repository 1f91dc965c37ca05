import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountType, PublicSummary } from '@jcm/contracts';
import { DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';

/**
 * 公開情報: registry-wide totals for the public view. Runs as the service ('system' scope) because it aggregates
 * across every holder; it selects no account number, holder name or organisation, only sums and counts.
 */
@Injectable()
export class PublicSummaryService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async summary(): Promise<PublicSummary> {
    return inTenantTransaction(this.ds, 'system', async (m) => {
      const byType: { type: AccountType; quantity: string }[] = await m.query(
        `SELECT type, sum(balance)::text AS quantity FROM credits.account GROUP BY type ORDER BY type`,
      );
      const byCountry: {
        partner_country: string;
        vintage: number;
        issued: string;
        retired: string;
        cancelled: string;
      }[] = await m.query(
        `SELECT p.partner_country, b.vintage,
                  sum(b.quantity)::text AS issued,
                  coalesce(sum(b.quantity) FILTER (WHERE b.status = 'RETIRED'), 0)::text AS retired,
                  coalesce(sum(b.quantity) FILTER (WHERE b.status = 'CANCELLED'), 0)::text AS cancelled
             FROM credits.credit_block b JOIN credits.project p ON p.id = b.project_id
            GROUP BY p.partner_country, b.vintage ORDER BY p.partner_country, b.vintage`,
      );
      // Each movement's quantity is the sum of its positive lines (double entry: the other half mirrors it).
      const annual: { year: number; kind: string; count: string; quantity: string }[] = await m.query(
        `SELECT extract(year FROM e.recorded_at AT TIME ZONE 'UTC')::int AS year, e.kind, count(*)::text AS count,
                sum((SELECT sum((l->>'quantity')::bigint) FROM jsonb_array_elements(e.content->'lines') l
                      WHERE (l->>'quantity')::bigint > 0))::text AS quantity
           FROM credits.journal_entry e GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      return {
        totalsByAccountType: byType.map((r) => ({ accountType: r.type, quantity: r.quantity })),
        byCountryAndVintage: byCountry.map((r) => ({
          partnerCountry: r.partner_country,
          vintage: r.vintage,
          issued: r.issued,
          retired: r.retired,
          cancelled: r.cancelled,
        })),
        annualTransactions: annual.map((r) => ({
          year: r.year,
          kind: r.kind,
          count: Number(r.count),
          quantity: r.quantity,
        })),
      };
    });
  }
}
