import {
  reportMeetingHeld,
  requiredDeliverablesSubmitted,
  settledWithinContract,
  settlementComplete,
} from './year-end-rules';

describe('C3P year-end rules (city-partnerships.md §2.5, §6.3, §6.6, §6.9; ガイドブック 表3)', () => {
  it('C3P-ST1: allows a cumulative settlement up to the contract amount and refuses one yen more (fixture B5: ¥19,965,000)', () => {
    expect(settledWithinContract(19_965_000, 8_855_000, 11_110_000)).toEqual([]);
    const [f] = settledWithinContract(19_965_000, 8_855_000, 11_110_001);
    expect(f).toMatchObject({
      ruleId: 'C3P-ST1',
      severity: 'error',
      message_ja: '精算累計額19,965,001円（税込）が契約金額19,965,000円を超えています。',
    });
    expect(f.source).toContain('city-partnerships.md §2.5');
  });

  it('C3P-ST2: settles with an accepted report and none under inspection', () => {
    expect(settlementComplete(2, 0)).toEqual([]);
    expect(settlementComplete(0, 0).map((f) => f.message_en)).toEqual([
      'No settlement report has been accepted.',
    ]);
    expect(settlementComplete(1, 1).map((f) => [f.ruleId, f.message_ja])).toEqual([
      ['C3P-ST2', '検査中の精算報告があります。'],
    ]);
  });

  it('C3P-M1: a milestone needs its 報告会 held (表3 ③)', () => {
    expect(reportMeetingHeld('INTERIM', true)).toEqual([]);
    expect(reportMeetingHeld('KICKOFF', false)).toEqual([
      expect.objectContaining({
        ruleId: 'C3P-M1',
        message_ja: '契約締結時の報告会が開催されていません。',
        source: expect.stringContaining('表3 ③'),
      }),
    ]);
  });

  it('C3P-DL1: names every missing required deliverable (表3 ①)', () => {
    expect(requiredDeliverablesSubmitted([])).toEqual([]);
    const [f] = requiredDeliverablesSubmitted([
      { titleJa: '概要版（英語・PPT形式）', titleEn: 'Summary (English, PPT)' },
      { titleJa: '電子データ（電子媒体 DVD-R）', titleEn: 'Electronic data (DVD-R)' },
    ]);
    expect(f.message_en).toBe(
      'Required deliverables not yet submitted: Summary (English, PPT), Electronic data (DVD-R).',
    );
  });
});
