import {
  ApplicationReviewView,
  ApplicationSaved,
  ApplicationView,
  GRANTS_RPC,
  GrantCallView,
  PublicGrantCallList,
} from '@jcm/contracts';
import { ALL_PASS, consortium, jcmCall, SHEET, thaiPvChiller } from '../testing/grants-fixtures';
import { GrantsHarness } from '../testing/grants-harness';

describe('ReviewService: 基礎審査, 評価審査, 差戻し, 採択 against the call budget (real PostgreSQL + NATS)', () => {
  const h = new GrantsHarness();
  let call: GrantCallView;

  const submitted = async (c: GrantCallView = call) => {
    const { application } = await h.call(
      GRANTS_RPC.application.create,
      h.as.company,
      { callId: c.id, consortium: consortium(h.org.company, h.org.thai), content: thaiPvChiller('20000') },
      ApplicationSaved,
    );
    return h.call(GRANTS_RPC.application.submit, h.as.company, { id: application.id }, ApplicationView);
  };
  const screenAndScore = async (id: string) => {
    await h.call(GRANTS_RPC.application.screen, h.as.gec, { id, items: ALL_PASS() }, ApplicationReviewView);
    await h.call(GRANTS_RPC.application.score, h.as.reviewer1, { id, points: SHEET }, ApplicationReviewView);
    return h.call(
      GRANTS_RPC.application.score,
      h.as.reviewer2,
      { id, points: { ...SHEET, D: 25, E: 0 } },
      ApplicationReviewView,
    );
  };
  const adopt = (id: string, maxSubsidyYen: number, key?: string) =>
    h.call(
      GRANTS_RPC.application.adopt,
      key ? h.keyed(h.as.gec, key) : h.as.gec,
      {
        id,
        assignedRates: [
          { technologyId: 'SOLAR_PV', rate: '0.3' },
          { technologyId: 'CHILLER', rate: '0.25' },
        ],
        maxSubsidyYen,
      },
      ApplicationView,
    );

  beforeAll(async () => {
    await h.start();
    call = await h.call(
      GRANTS_RPC.call.create,
      h.as.gec,
      jcmCall([h.as.reviewer1.userId, h.as.reviewer2.userId], 600_000_000),
      GrantCallView,
    );
    call = await h.call(
      GRANTS_RPC.call.transition,
      h.as.gec,
      { id: call.id, action: 'publish' },
      GrantCallView,
    );
  });
  afterAll(() => h.stop());

  it('screens the 14 items (a failed item fails it), scores by assigned reviewers only, and shows each sheet and the average', async () => {
    const app = await submitted();
    const failed = await h.call(
      GRANTS_RPC.application.screen,
      h.as.gec,
      { id: app.id, items: ALL_PASS(false) },
      ApplicationReviewView,
    );
    expect(failed.screening).toMatchObject({ passed: false, failedItems: ['NOT_WIDESPREAD_IN_COUNTRY'] });
    const short = await h.refusal(GRANTS_RPC.application.screen, h.as.gec, {
      id: app.id,
      items: ALL_PASS().slice(1),
    });
    expect(short.code).toBe('VALIDATION_FAILED');
    expect(new Set(short.issues?.map((i) => i.path))).toEqual(new Set(['items']));
    expect(
      await h.refusal(GRANTS_RPC.application.screen, h.as.company, { id: app.id, items: ALL_PASS() }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await h.refusal(GRANTS_RPC.application.score, h.as.gecNotReviewer, { id: app.id, points: SHEET }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await h.refusal(GRANTS_RPC.application.score, h.as.moe, { id: app.id, points: SHEET }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const over = await h.refusal(GRANTS_RPC.application.score, h.as.reviewer1, {
      id: app.id,
      points: { ...SHEET, C: 26 },
    });
    expect(over).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'points.C' }] });
    const review = await screenAndScore(app.id);
    expect(review.screening?.passed).toBe(true);
    expect(review.scores.map((s) => [s.total, s.baseScore, s.bonus])).toEqual([
      [81, 76, 5],
      [83, 83, 0],
    ]);
    expect(review.averageTotal).toBe('82.0');
    const applicantView = await h.call(
      GRANTS_RPC.application.review,
      h.as.company,
      { id: app.id },
      ApplicationReviewView,
    );
    expect(applicantView).toMatchObject({ screening: null, scores: [] });
  });

  it('差戻し with comments per section; the company changes one field and resubmits; GEC sees the diff and turnaround', async () => {
    const app = await submitted();
    expect(
      await h.refusal(GRANTS_RPC.application.return, h.as.gec, { id: app.id, comments: [] }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    const returned = await h.call(
      GRANTS_RPC.application.return,
      h.as.gec,
      { id: app.id, comments: [{ section: '8', comment: '冷凍機の削減量の根拠を示してください。' }] },
      ApplicationView,
    );
    expect(returned.state).toBe('returned');
    const companySees = await h.call(
      GRANTS_RPC.application.review,
      h.as.company,
      { id: app.id },
      ApplicationReviewView,
    );
    expect(companySees.returns[0].comments).toEqual([
      { section: '8', comment: '冷凍機の削減量の根拠を示してください。' },
    ]);
    expect(
      await h.refusal(GRANTS_RPC.application.adopt, h.as.gec, {
        id: app.id,
        assignedRates: [{ technologyId: 'SOLAR_PV', rate: '0.3' }],
        maxSubsidyYen: 1,
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    h.now = new Date(h.now.getTime() + 36 * 3600_000);
    await h.call(
      GRANTS_RPC.application.save,
      h.as.company,
      {
        id: app.id,
        baseVersion: returned.version,
        patch: {
          form: { sections: { ...thaiPvChiller().form.sections, '8': '冷凍機の削減量は実測値に基づく。' } },
        },
      },
      ApplicationSaved,
    );
    const resubmitted = await h.call(
      GRANTS_RPC.application.submit,
      h.as.company,
      { id: app.id },
      ApplicationView,
    );
    expect(resubmitted.state).toBe('submitted');
    const gecSees = await h.call(
      GRANTS_RPC.application.review,
      h.as.gec,
      { id: app.id },
      ApplicationReviewView,
    );
    expect(gecSees.returns[0]).toMatchObject({
      changes: [
        { path: 'form.sections.8', before: '＜8＞ 記入あり', after: '冷凍機の削減量は実測値に基づく。' },
      ],
      applicantTurnaroundHours: 36,
      toVersion: resubmitted.version,
    });
    const types = await h.outboxTypes('grants.application.');
    expect(types.filter((t) => t !== 'grants.application.created')).toEqual(
      expect.arrayContaining([
        'grants.application.submitted',
        'grants.application.returned',
        'grants.application.resubmitted',
      ]),
    );
  });

  it('adopts after screening and two sheets, within the rate caps, R-FIN-02 and the call budget (refused, never overspent)', async () => {
    const app = await submitted();
    expect(
      await h.refusal(GRANTS_RPC.application.adopt, h.as.gec, {
        id: app.id,
        assignedRates: [
          { technologyId: 'SOLAR_PV', rate: '0.3' },
          { technologyId: 'CHILLER', rate: '0.3' },
        ],
        maxSubsidyYen: 1,
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    await screenAndScore(app.id);
    const overCap = await h.refusal(GRANTS_RPC.application.adopt, h.as.gec, {
      id: app.id,
      assignedRates: [
        { technologyId: 'SOLAR_PV', rate: '0.5' },
        { technologyId: 'CHILLER', rate: '0.3' },
      ],
      maxSubsidyYen: 1,
    });
    expect(overCap).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'assignedRates' }] });
    // 0.3 × ¥1bn + 0.25 × ¥200m = ¥350m
    expect(
      await h.refusal(GRANTS_RPC.application.adopt, h.as.gec, {
        id: app.id,
        assignedRates: [
          { technologyId: 'SOLAR_PV', rate: '0.3' },
          { technologyId: 'CHILLER', rate: '0.25' },
        ],
        maxSubsidyYen: 350_000_001,
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'maxSubsidyYen' }] });
    const adopted = await adopt(app.id, 350_000_000, 'adopt-1');
    expect(adopted).toMatchObject({
      state: 'adopted',
      adoptedMaxSubsidyYen: 350_000_000,
      assignedRates: [
        { technologyId: 'SOLAR_PV', rate: '0.3' },
        { technologyId: 'CHILLER', rate: '0.25' },
      ],
    });
    expect(await adopt(app.id, 350_000_000, 'adopt-1')).toEqual(adopted);
    expect(
      (await h.call(GRANTS_RPC.call.get, h.as.moe, { id: call.id }, GrantCallView)).budgetRemainingYen,
    ).toBe(250_000_000);

    // two adoptions at once of ¥200m each against ¥250m remaining: exactly one wins
    const [a, b] = [await submitted(), await submitted()];
    await screenAndScore(a.id);
    await screenAndScore(b.id);
    const results = await Promise.allSettled([adopt(a.id, 200_000_000), adopt(b.id, 200_000_000)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('budget') });
    expect(
      (await h.call(GRANTS_RPC.call.get, h.as.gec, { id: call.id }, GrantCallView)).budgetRemainingYen,
    ).toBe(50_000_000);

    const loser = results[0].status === 'rejected' ? a : b;
    expect(
      await h.refusal(GRANTS_RPC.application.reject, h.as.company, { id: loser.id, reasonJa: '予算超過' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const rejected = await h.call(
      GRANTS_RPC.application.reject,
      h.as.gec,
      { id: loser.id, reasonJa: '予算到達のため不採択', reasonEn: 'Call budget reached' },
      ApplicationView,
    );
    expect(rejected).toMatchObject({
      state: 'rejected',
      rejectionReason: '予算到達のため不採択\nCall budget reached',
    });
    expect(
      await h.refusal(GRANTS_RPC.application.adopt, h.as.gec, {
        id: loser.id,
        assignedRates: [{ technologyId: 'SOLAR_PV', rate: '0.3' }],
        maxSubsidyYen: 1,
      }),
    ).toMatchObject({ code: 'CONFLICT' });

    const pub = await h.call(GRANTS_RPC.call.publicList, h.as.kitakyushu, {}, PublicGrantCallList);
    expect(pub.items.find((c) => c.id === call.id)?.adopted).toHaveLength(2);
    expect(await h.outboxTypes('grants.application.adopted')).toHaveLength(2);
    expect(await h.outboxTypes('grants.application.rejected')).toHaveLength(1);
  });
});
