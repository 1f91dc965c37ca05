import { RecordVerifiedMonitoringReportCommand } from '@jcm/contracts';
import { verifiedReduction } from './verified-reduction';

const base = {
  projectReference: 'MN001',
  monitoringPeriod: { start: '2024-01-01', end: '2024-12-31' },
  verificationDate: '2025-02-01',
  verificationReportRef: 'VR-1',
};

describe('verified emission reduction of a monitoring report', () => {
  it('sums activity × emission factor per side and rounds the difference down to whole tCO2', () => {
    const cmd = RecordVerifiedMonitoringReportCommand.parse({
      ...base,
      reference: [
        { activity: '1000.5', emissionFactor: '0.533' },
        { activity: '20', emissionFactor: '2.7' },
      ],
      project: [{ activity: '10', emissionFactor: '0.06' }],
    });
    // RE = 533.2665 + 54 = 587.2665; PE = 0.6; ER = 586.6665 → 586 t.
    expect(verifiedReduction(cmd)).toMatchObject({
      referenceEmissionsT: '587.2665',
      projectEmissionsT: '0.6',
      emissionReductionT: '586',
    });
  });

  it('refuses a period whose project emissions reach the reference emissions', () => {
    const cmd = RecordVerifiedMonitoringReportCommand.parse({
      ...base,
      referenceEmissionsT: '100',
      projectEmissionsT: '100.4',
    });
    expect(() => verifiedReduction(cmd)).toThrow(/No emission reduction to credit/);
  });

  it('rejects numbers, both or neither of sources and totals, and a verification before the period ends', () => {
    expect(
      RecordVerifiedMonitoringReportCommand.safeParse({
        ...base,
        referenceEmissionsT: 100,
        projectEmissionsT: '1',
      }).success,
    ).toBe(false);
    expect(RecordVerifiedMonitoringReportCommand.safeParse({ ...base, projectEmissionsT: '1' }).success).toBe(
      false,
    );
    expect(
      RecordVerifiedMonitoringReportCommand.safeParse({
        ...base,
        referenceEmissionsT: '5',
        projectEmissionsT: '1',
        verificationDate: '2024-12-30',
      }).success,
    ).toBe(false);
  });
});
