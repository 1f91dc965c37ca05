import * as z from 'zod';
import { TonnesTotal } from '../credits/credits.primitives';

/** A sum of tonnes as the projection holds it (PostgreSQL numeric, as a decimal string; never a float). */
export const TonnesSum = z.string().regex(/^-?\d+(\.\d+)?$/);

/** NATS `portfolio.dashboard.get`: the figures of one fiscal year (or all years). */
export const DashboardQuery = z
  .object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** One stage of the pipeline 都市間連携 → JCM案件 → 申請 → 採択 → 交付決定 → 登録 → 検証 → 発行. */
export const PipelineStage = z.enum([
  'city_pair',
  'jcm_lead',
  'application',
  'adopted',
  'decided',
  'registered',
  'verified',
  'issued',
]);
export type PipelineStage = z.infer<typeof PipelineStage>;

export const PipelineStageFigures = z.object({
  stage: PipelineStage,
  count: z.number().int().nonnegative(),
  /** Integer yen attached to the stage (contract amounts, grant amounts), 0 where the stage carries none. */
  yen: z.string().regex(/^\d+$/),
  tco2: TonnesSum,
  /** This stage's count over the previous stage's, as a percentage with two decimals; null for the first stage. */
  conversionPercent: z.string().nullable(),
});

export const CountryTonnes = z.object({
  key: z.string(),
  issued: TonnesSum,
  governmentShare: TonnesSum,
  retired: TonnesSum,
});

export const Dashboard = z.object({
  fiscalYear: z.number().int().nullable(),
  money: z.object({
    contracts: z.number().int().nonnegative(),
    contractAmountYen: z.string().regex(/^\d+$/),
    /** ¥20M per contract per year (ガイドブック §3.2, C3P_FY2026_CALL1.annualCapInclTaxYen). */
    capPerContractYen: z.string().regex(/^\d+$/),
    contractsOverCap: z.number().int().nonnegative(),
    byFiscalYear: z.array(
      z.object({ fiscalYear: z.number().int(), contracts: z.number().int(), amountYen: z.string() }),
    ),
  }),
  pipeline: z.array(PipelineStageFigures),
  tonnes: z.object({
    issued: TonnesSum,
    governmentShare: TonnesSum,
    retired: TonnesSum,
    targets: z.array(
      z.object({ fiscalYear: z.number().int(), tonnes: TonnesTotal, percentIssued: z.string() }),
    ),
    byCountry: z.array(CountryTonnes),
    byMethodology: z.array(CountryTonnes),
    byVintage: z.array(CountryTonnes),
  }),
  workDue: z.object({
    monthlyReportsDueSoon: z.number().int().nonnegative(),
    monthlyReportsOverdue: z.number().int().nonnegative(),
    byOrganisation: z.array(
      z.object({
        orgId: z.uuid(),
        nameJa: z.string(),
        nameEn: z.string(),
        dueSoon: z.number().int(),
        overdue: z.number().int(),
      }),
    ),
  }),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** The dashboard tables a user can download, each as on screen. */
export const DashboardTable = z.enum([
  'money',
  'pipeline',
  'tonnes-by-country',
  'tonnes-by-methodology',
  'tonnes-by-vintage',
  'work-due',
]);
export type DashboardTable = z.infer<typeof DashboardTable>;

/** GET /portfolio/dashboard/export: one table, the same filters as on screen, headers in the user's language. */
export const DashboardExportQuery = DashboardQuery.extend({
  table: DashboardTable,
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['ja', 'en']).default('ja'),
}).strict();
export type DashboardExportQuery = z.infer<typeof DashboardExportQuery>;
