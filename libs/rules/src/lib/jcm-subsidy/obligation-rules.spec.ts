import { consortiumComposition, consortiumMemberChange, ecoLeaseRepresentative } from './consortium-rules';
import { annualBusinessReportPeriods, leaseEndObligation, procurementChecks } from './obligation-rules';

const ids = (fs: { ruleId: string; severity: string }[]) => fs.map((f) => `${f.ruleId}:${f.severity}`);

describe('consortiumComposition (R-APP-02)', () => {
  it('accepts one Japanese representative with a foreign co-implementer', () => {
    expect(
      consortiumComposition([
        { role: 'REPRESENTATIVE', country: 'JP' },
        { role: 'CO_IMPLEMENTER', country: 'TH' },
      ]),
    ).toEqual([]);
  });

  it('refuses two representatives, a foreign representative, and no foreign co-implementer', () => {
    expect(
      ids(
        consortiumComposition([
          { role: 'REPRESENTATIVE', country: 'JP' },
          { role: 'REPRESENTATIVE', country: 'JP' },
          { role: 'CO_IMPLEMENTER', country: 'TH' },
        ]),
      ),
    ).toEqual(['R-APP-02:error']);
    expect(
      ids(
        consortiumComposition([
          { role: 'REPRESENTATIVE', country: 'TH' },
          { role: 'CO_IMPLEMENTER', country: 'VN' },
        ]),
      ),
    ).toEqual(['R-APP-02:error']);
    expect(
      ids(
        consortiumComposition([
          { role: 'REPRESENTATIVE', country: 'JP' },
          { role: 'CO_IMPLEMENTER', country: 'JP' },
        ]),
      ),
    ).toEqual(['R-APP-02:error']);
  });
});

describe('ecoLeaseRepresentative (R-APP-03)', () => {
  const members = (isLeasingCompany: boolean) => [
    { role: 'REPRESENTATIVE' as const, country: 'JP', isLeasingCompany },
    { role: 'CO_IMPLEMENTER' as const, country: 'VN' },
  ];
  it('requires a leasing company to lead an Eco-Lease project only', () => {
    expect(ids(ecoLeaseRepresentative('ECO_LEASE', members(false)))).toEqual(['R-APP-03:error']);
    expect(ecoLeaseRepresentative('ECO_LEASE', members(true))).toEqual([]);
    expect(ecoLeaseRepresentative('REGULAR', members(false))).toEqual([]);
  });
});

describe('consortiumMemberChange (R-POST-11)', () => {
  it('needs both the Center’s approval and a change report', () => {
    expect(consortiumMemberChange({ centerApproved: true, changeReportFiled: true })).toEqual([]);
    expect(ids(consortiumMemberChange({ centerApproved: false, changeReportFiled: false }))).toEqual([
      'R-POST-11:error',
      'R-POST-11:error',
    ]);
  });
});

describe('procurementChecks (R-FIN-07)', () => {
  const decision = '2025-07-01';
  it('passes a competitive order after the decision, settled in the same fiscal year', () => {
    expect(
      procurementChecks(decision, [
        { id: 'PO-1', orderDate: '2025-07-01', competitive: true, settlementDate: '2026-03-31' },
      ]),
    ).toEqual([]);
  });

  it('refuses an order before the decision and a non-competitive order without reason; warns on next-FY settlement', () => {
    const fs = procurementChecks(decision, [
      { id: 'PO-2', orderDate: '2025-06-30', competitive: true, settlementDate: '2025-12-01' },
      { id: 'PO-3', orderDate: '2025-08-01', competitive: false, settlementDate: '2026-04-01' },
    ]);
    expect(ids(fs)).toEqual(['R-FIN-07:error', 'R-FIN-07:error', 'R-FIN-07:warning']);
    expect(fs[0].message_en).toContain('PO-2');
  });

  it('only warns on a non-competitive order with its reason', () => {
    const fs = procurementChecks(decision, [
      {
        id: 'PO-4',
        orderDate: '2025-08-01',
        competitive: false,
        nonCompetitiveReason: 'sole licensed supplier',
        settlementDate: '2025-09-01',
      },
    ]);
    expect(ids(fs)).toEqual(['R-FIN-07:warning']);
  });
});

describe('annualBusinessReportPeriods (R-POST-02)', () => {
  it('runs from operation start to 31 December, then calendar years until the durable years end', () => {
    const periods = annualBusinessReportPeriods('2024-04-01', 8);
    expect(periods[0]).toEqual({ from: '2024-04-01', to: '2024-12-31' });
    expect(periods[1]).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periods.at(-1)).toEqual({ from: '2032-01-01', to: '2032-03-31' });
    expect(periods).toHaveLength(9);
  });

  it('needs no stub period when operation starts on 1 January', () => {
    const periods = annualBusinessReportPeriods('2025-01-01', 2);
    expect(periods).toEqual([
      { from: '2025-01-01', to: '2025-12-31' },
      { from: '2026-01-01', to: '2026-12-31' },
    ]);
  });
});

describe('leaseEndObligation (R-POST-12)', () => {
  it('requires renewal or transfer when the lease ends before the durable years', () => {
    expect(ids(leaseEndObligation('2030-03-31', '2032-03-31', 'NONE'))).toEqual(['R-POST-12:error']);
    expect(leaseEndObligation('2030-03-31', '2032-03-31', 'RENEW')).toEqual([]);
    expect(leaseEndObligation('2032-03-31', '2032-03-31', 'NONE')).toEqual([]);
  });
});
