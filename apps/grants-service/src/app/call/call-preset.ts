import { GrantCallView } from '@jcm/contracts';
import { JCM_SUBSIDY_FY2021_23, type JcmSubsidyPreset } from '@jcm/rules';

const PRESETS: Record<GrantCallView['presetId'], JcmSubsidyPreset> = { JCM_SUBSIDY_FY2021_23 };

/**
 * The rules preset a call applies: the @jcm/rules preset named by the call, with the call's overrides (merged per
 * technology × country for the 別添3 counts) and the call's own window as `deadlines.callClosesAt` (R-APP-11).
 */
export function callPreset(
  call: Pick<GrantCallView, 'presetId' | 'overrides' | 'closesAt' | 'firstBatchReceivedBy'>,
): JcmSubsidyPreset {
  const base = PRESETS[call.presetId];
  const o = call.overrides;
  const counts: Record<string, Record<string, number>> = {};
  for (const [tech, byCountry] of Object.entries(base.similarProjectCounts)) counts[tech] = { ...byCountry };
  for (const [tech, byCountry] of Object.entries(o.similarProjectCounts ?? {}))
    counts[tech] = { ...(counts[tech] ?? {}), ...byCountry };
  return {
    ...base,
    perProjectGuidelineYen: o.perProjectGuidelineYen ?? base.perProjectGuidelineYen,
    priorityCountries: o.priorityCountries ?? base.priorityCountries,
    adoptionHoldCountries: o.adoptionHoldCountries ?? base.adoptionHoldCountries,
    similarProjectCounts: counts,
    deadlines: {
      ...base.deadlines,
      callClosesAt: call.closesAt,
      firstBatchReceivedBy: call.firstBatchReceivedBy ?? base.deadlines.firstBatchReceivedBy,
    },
  };
}
