import { JCM_SUBSIDY_FY2021_23 as P } from './jcm-subsidy-preset';
import { propertyActionRequirement } from './property-disposal';
import { pvBatteryConditions, pvModuleEfficiencyOk } from './technology-conditions';

describe('propertyActionRequirement (R-POST-06)', () => {
  it('unit price ¥500,000 → disposal needs approval; ¥499,999 → not', () => {
    expect(propertyActionRequirement(500_000, 'TRANSFER', P).requiresApproval).toBe(true);
    expect(propertyActionRequirement(499_999, 'TRANSFER', P).requiresApproval).toBe(false);
  });
  it('a mortgage always needs approval; a foreign consortium transfer needs a prior report', () => {
    expect(propertyActionRequirement(1, 'MORTGAGE', P).requiresApproval).toBe(true);
    expect(propertyActionRequirement(1, 'TRANSFER_TO_FOREIGN_CONSORTIUM_MEMBER', P)).toMatchObject({
      requiresApproval: false,
      requiresPriorReport: true,
    });
  });
});

describe('technology conditions (別添5, R-APP-08/09)', () => {
  it('PV efficiency 19.9% → reject; 20.0% → accept', () => {
    expect(pvModuleEfficiencyOk('19.9', P)[0].ruleId).toBe('R-APP-08');
    expect(pvModuleEfficiencyOk('20.0', P)).toEqual([]);
  });
  const base = {
    pvModuleEfficiencyPercent: '21',
    chargedOnlyFromProjectPv: true,
    dischargeMeasurable: true,
    necessity: 'SELF_CONSUMPTION_OR_LOCAL_SUPPLY' as const,
    dailyChargeDischarge: true,
    pvCapacityBasis: '1000',
    maxDaySurplus: '500',
  };
  it('PV 1,000 → battery ≥ 200 passes; 199 fails', () => {
    expect(
      pvBatteryConditions({ ...base, batteryCapacity: '200' }, P).filter((f) => f.severity === 'error'),
    ).toEqual([]);
    expect(
      pvBatteryConditions({ ...base, batteryCapacity: '199' }, P).some((f) => f.severity === 'error'),
    ).toBe(true);
  });
  it('battery above the max-day surplus fails; off-grid needs no capacity check', () => {
    expect(
      pvBatteryConditions({ ...base, batteryCapacity: '501' }, P).some((f) => f.severity === 'error'),
    ).toBe(true);
    expect(pvBatteryConditions({ ...base, necessity: 'OFF_GRID', dailyChargeDischarge: false }, P)).toEqual(
      [],
    );
  });
});
