import { StreamableFile } from '@nestjs/common';
import * as z from 'zod';
import { Dashboard, DashboardExportQuery, DashboardQuery, PORTFOLIO_RPC } from '@jcm/contracts';
import { route, routeArea } from '../routes/route';
import { dashboardTable, toCsv } from './dashboard-tables';
import { toXlsx } from './xlsx-export';

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * /api/v1/portfolio: the MOE dashboard from portfolio-service's projections. MOE and the secretariat see the whole
 * programme; any other organisation the records it takes part in (the service filters, and RLS enforces it).
 */
export const PORTFOLIO_ROUTES = routeArea('Portfolio', [
  route({
    method: 'GET',
    path: 'portfolio/dashboard',
    summary: 'Dashboard: money, pipeline, tCO2 vs targets, work due (scoped to the caller)',
    query: DashboardQuery,
    response: Dashboard,
    rpc: { subject: PORTFOLIO_RPC.dashboard.get },
  }),
  route({
    method: 'GET',
    path: 'portfolio/dashboard/export',
    summary: 'Download one dashboard table as CSV (UTF-8 with BOM) or XLSX, headers in ?lang (ja|en)',
    query: DashboardExportQuery,
    response: z.custom<StreamableFile>((v) => v instanceof StreamableFile),
    binaryResponse: { mediaTypes: [CSV, XLSX] },
    handle: async (q, call) => {
      const d = await call.services.bus.send(
        PORTFOLIO_RPC.dashboard.get,
        call.ctx,
        { fiscalYear: q.fiscalYear },
        Dashboard,
      );
      const table = dashboardTable(d, q.table, q.lang);
      const name = `portfolio-${q.table}${q.fiscalYear ? `-fy${q.fiscalYear}` : ''}.${q.format}`;
      const body =
        q.format === 'csv' ? Buffer.from(toCsv(table, q.lang), 'utf8') : await toXlsx(table, q.lang, q.table);
      return new StreamableFile(body, {
        type: q.format === 'csv' ? CSV : XLSX,
        disposition: `attachment; filename="${name}"`,
      });
    },
  }),
]);
