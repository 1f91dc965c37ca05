// shared
export * from './lib/shared/finding';
export * from './lib/shared/gap';
export * from './lib/shared/money';
export * from './lib/shared/tonnes';
export * from './lib/shared/consumption-tax';
export * from './lib/shared/rounding';
export * from './lib/shared/iso-date';
export * from './lib/shared/fiscal-year';
export * from './lib/shared/era';
export * from './lib/shared/schemas';
// jcm-subsidy
export * from './lib/jcm-subsidy/jcm-subsidy-preset';
export * from './lib/jcm-subsidy/subsidy-rate-cap';
export * from './lib/jcm-subsidy/admin-cost-cap';
export * from './lib/jcm-subsidy/total-reduction';
export * from './lib/jcm-subsidy/cost-effectiveness';
export * from './lib/jcm-subsidy/payback';
export * from './lib/jcm-subsidy/plan-change-rules';
export * from './lib/jcm-subsidy/jcm-deadlines';
export * from './lib/jcm-subsidy/property-disposal';
export * from './lib/jcm-subsidy/technology-conditions';
export * from './lib/jcm-subsidy/basic-screening';
export * from './lib/jcm-subsidy/evaluation-score';
export * from './lib/jcm-subsidy/calculate-jcm-subsidy.schema';
export * from './lib/jcm-subsidy/calculate-jcm-subsidy';
export * from './lib/jcm-subsidy/co-innovation-form';
export * from './lib/jcm-subsidy/plan-form-title';
export * from './lib/jcm-subsidy/plan-form-financials';
export * from './lib/jcm-subsidy/plan-form-funding';
export * from './lib/jcm-subsidy/plan-form-checks';
export * from './lib/jcm-subsidy/f-gas-subsidy';
export * from './lib/jcm-subsidy/consortium-rules';
export * from './lib/jcm-subsidy/obligation-rules';
// c3p
export * from './lib/c3p/c3p-preset';
export * from './lib/c3p/budget-rules';
export * from './lib/c3p/purchase-classification';
export * from './lib/c3p/check-c3p-budget';
export * from './lib/c3p/pair-duration-rules';
export * from './lib/c3p/check-c3p-eligibility';
export * from './lib/c3p/bonus-rules';
export * from './lib/c3p/score-c3p-proposal';
export * from './lib/c3p/report-schedule';
// mrv
export * from './lib/mrv/grid-emission-factors';
export * from './lib/mrv/emission-reduction';
export * from './lib/mrv/monitoring-period';
// credits
export * from './lib/credits/government-share';
export * from './lib/credits/allocate-issuance';
export * from './lib/credits/serial-ranges';
export * from './lib/credits/allocate-credits';
