import * as z from 'zod';
import { TonnesTotal } from './credits.primitives';

/**
 * JCM acquisition targets (city-partnerships.md §3.1 "JCM targets" and §3.2, citing the MOE C3P guidebook FY2025
 * revision [004] §1.1): 「JCMによる国際的な排出削減・吸収量として、2030年度までに累積で1億トンCO₂程度、2040年度までに
 * 累積で2億トンCO₂程度の獲得を目指しています」. The documents state them as cumulative international emission
 * reductions and removals acquired through the JCM, counted towards Japan's NDC, not as a number of credits; the
 * registry measures that acquisition by JCM credits (1 credit = 1 tCO2) issued into Japan's registry.
 */
export const JCM_ACQUISITION_TARGETS = [
  { fiscalYear: 2030, tonnes: '100000000' },
  { fiscalYear: 2040, tonnes: '200000000' },
] as const;

export const JCM_TARGET_SOURCE =
  'MOE 脱炭素社会実現のための都市間連携ガイドブック 2025年度改訂版 §1.1 (domain/city-partnerships.md §3.1, §3.2): ' +
  'about 100 MtCO2 cumulative by FY2030 and about 200 MtCO2 cumulative by FY2040 of international emission ' +
  'reductions and removals acquired through the JCM';

export const TargetProgressQuery = z.object({}).strict();

/** A percentage with two decimals as a string, computed in integers ("12.34"). */
export const Percent = z.string().regex(/^\d+\.\d{2}$/);

export const TargetProgress = z.object({
  source: z.string(),
  basis: z.string(),
  /** Registry the measures are taken in (Japan's, `JP`). */
  registry: z.string(),
  /** Fiscal year (4月–3月) the figures run to, by issuance date in JST. */
  asOfFiscalYear: z.number().int(),
  measures: z.object({
    /** Every unit issued into Japan's registry (Government of Japan's share and Japanese participants'). */
    issued: TonnesTotal,
    /** The Government of Japan's share of those issuances. */
    governmentShare: TonnesTotal,
    /** Units authorised for use towards an NDC. */
    authorisedForNdc: TonnesTotal,
    /** Authorised units with the corresponding adjustment recorded. */
    correspondinglyAdjusted: TonnesTotal,
    /** Units retired with purpose NDC_ACHIEVEMENT. */
    retiredTowardsNdc: TonnesTotal,
    /** Verified reductions waiting for confirmation as issuances (not yet credits). */
    pendingIssuance: TonnesTotal,
  }),
  targets: z.array(
    z.object({
      fiscalYear: z.number().int(),
      targetTonnes: TonnesTotal,
      /** Issued by the end of that fiscal year so far (equals `issued` while the year is current or ahead). */
      issuedByThen: TonnesTotal,
      percentIssued: Percent,
      percentGovernmentShare: Percent,
      remaining: TonnesTotal,
    }),
  ),
  byFiscalYear: z.array(
    z.object({ fiscalYear: z.number().int(), issued: TonnesTotal, cumulative: TonnesTotal }),
  ),
});
export type TargetProgress = z.infer<typeof TargetProgress>;
