import * as z from 'zod';
import { AccountType, TonnesTotal } from './credits.primitives';

/** NATS `credits.public-summary.get` data: nothing to filter; the summary is the same for everyone. */
export const PublicSummaryQuery = z.object({}).strict();
export type PublicSummaryQuery = z.infer<typeof PublicSummaryQuery>;

/**
 * 公開情報: registry totals for the public view. Aggregates only: no account, holder or organisation appears.
 */
export const PublicSummary = z.object({
  totalsByAccountType: z.array(z.object({ accountType: AccountType, quantity: TonnesTotal })),
  byCountryAndVintage: z.array(
    z.object({
      partnerCountry: z.string(),
      vintage: z.number().int(),
      issued: TonnesTotal,
      retired: TonnesTotal,
      cancelled: TonnesTotal,
    }),
  ),
  annualTransactions: z.array(
    z.object({ year: z.number().int(), kind: z.string(), count: z.number().int(), quantity: TonnesTotal }),
  ),
});
export type PublicSummary = z.infer<typeof PublicSummary>;

/** NATS `credits.ledger.verify` (registry manager) and the `verify-ledger` CLI: 台帳検証. */
export const LedgerVerifyQuery = z.object({}).strict();
export const LedgerDifference = z.object({
  check: z.string(),
  subject: z.string(),
  expected: z.string(),
  actual: z.string(),
});
export type LedgerDifference = z.infer<typeof LedgerDifference>;
export const LedgerVerification = z.object({
  intact: z.boolean(),
  entries: z.number().int().nonnegative(),
  headHash: z.string().nullable(),
  totalIssued: TonnesTotal,
  differences: z.array(LedgerDifference),
});
export type LedgerVerification = z.infer<typeof LedgerVerification>;
