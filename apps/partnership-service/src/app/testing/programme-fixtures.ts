// The programme fixtures live in @jcm/testing, where the gateway's programme tests read them too.
export {
  B5_BUDGET,
  B5_TOTAL_YEN,
  CALL_FY2026,
  continuingProposal,
  dayOffset,
  ELIGIBLE,
  fullContinuingScore,
  notReallyPng,
  OVER_HALF_OUTSOURCING,
  pdf,
} from '@jcm/testing';
