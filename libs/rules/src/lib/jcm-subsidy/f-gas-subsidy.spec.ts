import { fGasSubsidyWithinLimit, JCM_FGAS_FY2019 } from './f-gas-subsidy';

describe('fGasSubsidyWithinLimit — J9', () => {
  it('¥40,000,000 OK; ¥40,000,001 rejected', () => {
    expect(fGasSubsidyWithinLimit(40_000_000, JCM_FGAS_FY2019)).toEqual([]);
    expect(fGasSubsidyWithinLimit(40_000_001, JCM_FGAS_FY2019)[0].severity).toBe('error');
  });
});
