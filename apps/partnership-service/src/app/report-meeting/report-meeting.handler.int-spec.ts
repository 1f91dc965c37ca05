import { AnnualContractView, PARTNERSHIP_RPC, ReportMeetingPage, ReportMeetingView } from '@jcm/contracts';
import { queryAs } from '@jcm/testing';
import { dayOffset } from '../testing/programme-fixtures';
import { ProgrammeHarness } from '../testing/programme-harness';
import { CITED, eventsOf } from '../testing/year-end-assertions';

describe('ReportMeetingHandler: 報告会 (real PostgreSQL + NATS)', () => {
  const h = new ProgrammeHarness();
  let contract: AnnualContractView;
  let kickoff: ReportMeetingView;
  beforeAll(async () => {
    await h.start();
    contract = (await h.selectedContract()).contract;
  });
  afterAll(() => h.stop());

  const move = (action: string) =>
    h.call(
      PARTNERSHIP_RPC.annualContract.transition,
      h.as.moe,
      { id: contract.id, action },
      AnnualContractView,
    );
  const schedule = (who = h.as.moe, over: object = {}) => ({
    who,
    cmd: { contractId: contract.id, kind: 'KICKOFF', scheduledOn: '2026-04-20', ...over },
  });
  const materials = [
    { title: 'キックオフ報告資料', fileRef: 'docs/kickoff.pptx' },
    { title: 'Work plan (EN)', url: 'https://example.org/plan.pdf' },
  ];

  it('schedules once per kind after signing, by MOE, the secretariat or the contractor only, within the contract period', async () => {
    const { cmd } = schedule();
    expect(await h.refusal(PARTNERSHIP_RPC.reportMeeting.schedule, h.as.moe, cmd)).toMatchObject({
      code: 'CONFLICT',
    }); // still in negotiation
    await move('sign');
    for (const who of [h.as.yokohama, h.as.bangkok, h.as.companyViewer]) {
      expect(await h.refusal(PARTNERSHIP_RPC.reportMeeting.schedule, who, cmd)).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(await h.refusal(PARTNERSHIP_RPC.reportMeeting.schedule, h.as.otherCompany, cmd)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.schedule, h.as.moe, { ...cmd, kind: 'WRAP_UP' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    const outside = await h.refusal(PARTNERSHIP_RPC.reportMeeting.schedule, h.as.moe, {
      ...cmd,
      scheduledOn: '2027-04-01',
    });
    expect(outside).toMatchObject({ code: 'RULE_VIOLATION', issues: [{ path: 'C3P-R3' }] });
    kickoff = await h.call(PARTNERSHIP_RPC.reportMeeting.schedule, h.as.company, cmd, ReportMeetingView);
    expect(kickoff).toMatchObject({
      kind: 'KICKOFF',
      state: 'scheduled',
      scheduledOn: '2026-04-20',
      materials: [],
      heldOn: null,
    });
    expect(await h.refusal(PARTNERSHIP_RPC.reportMeeting.schedule, h.as.moe, cmd)).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('refuses the contract’s report-kickoff until the kick-off meeting is held, citing the rule and saving nothing', async () => {
    const before = await h.count('outbox');
    const refused = await h.refusal(PARTNERSHIP_RPC.annualContract.transition, h.as.moe, {
      id: contract.id,
      action: 'report-kickoff',
    });
    expect(refused).toMatchObject({
      code: 'RULE_VIOLATION',
      issues: [{ path: 'C3P-M1', message: expect.stringMatching(CITED) }],
    });
    expect(await h.count('outbox')).toBe(before);
    expect(
      (await h.call(PARTNERSHIP_RPC.annualContract.get, h.as.moe, { id: contract.id }, AnnualContractView))
        .state,
    ).toBe('contracted');
  });

  it('walks scheduled → materials_submitted → held → minutes_recorded, each step for its party only', async () => {
    const id = kickoff.id;
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.hold, h.as.company, { id, heldOn: '2026-04-20' }),
    ).toMatchObject({ code: 'CONFLICT' });
    for (const who of [h.as.moe, h.as.yokohama, h.as.bangkok]) {
      expect(
        await h.refusal(PARTNERSHIP_RPC.reportMeeting.submitMaterials, who, { id, materials }),
      ).toMatchObject({ code: 'FORBIDDEN' });
    }
    const badUrl = await h.refusal(PARTNERSHIP_RPC.reportMeeting.submitMaterials, h.as.company, {
      id,
      materials: [{ title: 'x', url: 'not a url' }],
    });
    expect(badUrl).toMatchObject({ code: 'VALIDATION_FAILED' });
    await h.call(
      PARTNERSHIP_RPC.reportMeeting.submitMaterials,
      h.as.company,
      { id, materials: materials.slice(0, 1) },
      ReportMeetingView,
    );
    const equipped = await h.call(
      PARTNERSHIP_RPC.reportMeeting.submitMaterials,
      h.as.company,
      { id, materials },
      ReportMeetingView,
    );
    expect(equipped).toMatchObject({ state: 'materials_submitted', materials });
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.recordMinutes, h.as.company, { id, minutesText: 'x' }),
    ).toMatchObject({ code: 'CONFLICT' });

    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.hold, h.as.bangkok, { id, heldOn: '2026-04-20' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.hold, h.as.company, { id, heldOn: dayOffset(2) }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    const held = await h.call(
      PARTNERSHIP_RPC.reportMeeting.hold,
      h.as.company,
      { id, heldOn: '2026-04-21' },
      ReportMeetingView,
    );
    expect(held).toMatchObject({ state: 'held', heldOn: '2026-04-21' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.submitMaterials, h.as.company, { id, materials }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect((await move('report-kickoff')).state).toBe('kickoff_reported');

    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.confirmMinutes, h.as.yokohama, { id }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.recordMinutes, h.as.yokohama, { id, minutesText: 'x' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.recordMinutes, h.as.company, { id, minutesText: '  ' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    const minutes = await h.call(
      PARTNERSHIP_RPC.reportMeeting.recordMinutes,
      h.as.company,
      { id, minutesText: '実施計画と年間日程を確認した。' },
      ReportMeetingView,
    );
    expect(minutes).toMatchObject({
      state: 'minutes_recorded',
      minutesText: '実施計画と年間日程を確認した。',
      minutesConfirmations: [],
    });
    expect(await eventsOf(h, id)).toEqual([
      'partnership.report-meeting.scheduled',
      'partnership.report-meeting.materials-submitted',
      'partnership.report-meeting.materials-submitted',
      'partnership.report-meeting.held',
      'partnership.report-meeting.minutes-recorded',
    ]);
  });

  it('lets the municipality and MOE confirm the minutes once each; the partner city reads only', async () => {
    const id = kickoff.id;
    for (const who of [h.as.bangkok, h.as.company]) {
      expect(await h.refusal(PARTNERSHIP_RPC.reportMeeting.confirmMinutes, who, { id })).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const byCity = await h.call(
      PARTNERSHIP_RPC.reportMeeting.confirmMinutes,
      h.as.yokohama,
      { id },
      ReportMeetingView,
    );
    expect(byCity.minutesConfirmations.map((c) => c.orgId)).toEqual([h.org.yokohama]);
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.confirmMinutes, h.as.yokohama, { id }),
    ).toMatchObject({ code: 'CONFLICT' });
    await h.call(PARTNERSHIP_RPC.reportMeeting.confirmMinutes, h.as.moe, { id }, ReportMeetingView);
    const read = await h.call(PARTNERSHIP_RPC.reportMeeting.get, h.as.bangkok, { id }, ReportMeetingView);
    expect(read.minutesConfirmations.map((c) => c.orgId)).toEqual([h.org.yokohama, h.org.moe]);
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.requestDeliverables, h.as.moe, { id }),
    ).toMatchObject({ code: 'CONFLICT' }); // not FINAL
  });

  it('requests the deliverables after the final meeting’s minutes, once the contract reports final, by MOE only', async () => {
    await move('start-work');
    await h.heldMeeting(contract.id, 'INTERIM', '2026-10-15');
    await move('report-interim');
    const final = await h.heldMeeting(contract.id, 'FINAL', '2026-11-02');
    await h.call(
      PARTNERSHIP_RPC.reportMeeting.recordMinutes,
      h.as.company,
      { id: final.id, minutesText: '最終報告。成果物の提出時期を確認。' },
      ReportMeetingView,
    );
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.requestDeliverables, h.as.moe, { id: final.id }),
    ).toMatchObject({ code: 'CONFLICT' }); // contract interim_reported
    expect((await move('report-final')).state).toBe('final_reported');
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.requestDeliverables, h.as.yokohama, { id: final.id }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const requested = await h.call(
      PARTNERSHIP_RPC.reportMeeting.requestDeliverables,
      h.as.moe,
      { id: final.id },
      ReportMeetingView,
    );
    expect(requested.state).toBe('deliverables_requested');
    const page = await h.call(
      PARTNERSHIP_RPC.reportMeeting.list,
      h.as.bangkok,
      { contractId: contract.id },
      ReportMeetingPage,
    );
    expect(page.items.map((m) => [m.kind, m.state])).toEqual([
      ['KICKOFF', 'minutes_recorded'],
      ['INTERIM', 'held'],
      ['FINAL', 'deliverables_requested'],
    ]);
  });

  it('hides every meeting from Kitakyushu (404, empty list, and at the database)', async () => {
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.get, h.as.kitakyushu, { id: kickoff.id }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.reportMeeting.confirmMinutes, h.as.kitakyushu, { id: kickoff.id }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.call(PARTNERSHIP_RPC.reportMeeting.list, h.as.kitakyushu, {}, ReportMeetingPage)).toEqual({
      items: [],
      total: 0,
    });
    const raw = await queryAs(
      h.db.url,
      { role: h.config.dbRole, orgId: h.org.kitakyushu, orgType: 'MUNICIPALITY' },
      'SELECT id FROM partnership.report_meeting',
    );
    expect(raw).toEqual([]);
  });
});
