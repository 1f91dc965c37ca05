import { DomainError } from '@jcm/contracts';
import { C3P_FY2026_CALL1, checkC3pBudget } from '@jcm/rules';
import { isOverdue } from '../monthly-report/monthly-report.service';
import { B5_BUDGET, OVER_HALF_OUTSOURCING } from '../testing/programme-fixtures';
import { toBudgetInput } from './budget';
import { yenFrom } from '@jcm/service-kit';
import { refuseOnErrors } from './rule-findings';

describe('programme helpers', () => {
  it('converts PostgreSQL bigint strings to yen only when exact', () => {
    expect(yenFrom('19965000')).toBe(19_965_000);
    expect(() => yenFrom('9007199254740993')).toThrow(DomainError);
    expect(() => yenFrom('1.5')).toThrow(DomainError);
  });

  it('sums budget lines per cost category into the rules input (fixture B5)', () => {
    const input = toBudgetInput(B5_BUDGET, { requestedYen: 19_965_000 });
    expect(input).toMatchObject({
      personnelYen: 6_000_000,
      outsourcingYen: 6_050_000,
      generalAdminYen: 1_100_000,
    });
    expect(checkC3pBudget(input, C3P_FY2026_CALL1)).toMatchObject({
      totalInclTaxYen: 19_965_000,
      withinCap: true,
    });
    expect(checkC3pBudget(input, C3P_FY2026_CALL1).findings.filter((f) => f.severity === 'error')).toEqual(
      [],
    );
  });

  it('refuses with every error finding as a cited bilingual issue', () => {
    const { findings } = checkC3pBudget(toBudgetInput(OVER_HALF_OUTSOURCING, {}), C3P_FY2026_CALL1);
    const err = (() => {
      try {
        refuseOnErrors(findings, 'Budget');
      } catch (e) {
        return e as DomainError;
      }
      return null;
    })();
    expect(err?.code).toBe('RULE_VIOLATION');
    expect(err?.issues).toEqual([
      { path: 'C3P-B4', message: expect.stringContaining(' / Outsourcing ¥6,050,001 exceeds') },
    ]);
  });

  it('counts a report overdue only while owed and after its due date', () => {
    expect(isOverdue('returned', '2026-05-10', '2026-05-11')).toBe(true);
    expect(isOverdue('acknowledged', '2026-05-10', '2026-06-11')).toBe(false);
  });
});
