import {
  AnnualContractView,
  CallView,
  InterestLetterView,
  LetterFileContent,
  MonthlyReportPage,
  PARTNERSHIP_RPC,
  PartnershipTimeline,
  ProposalPage,
  ProposalView,
} from '@jcm/contracts';
import { eventually, queryAs } from '@jcm/testing';
import {
  B5_TOTAL_YEN,
  fullContinuingScore,
  notReallyPng,
  OVER_HALF_OUTSOURCING,
  pdf,
} from '../testing/programme-fixtures';
import { ProgrammeHarness } from '../testing/programme-harness';

describe('ProposalHandler: 企画書, 採点, 採択 (real PostgreSQL + NATS)', () => {
  const h = new ProgrammeHarness();
  let call: CallView;
  beforeAll(async () => {
    await h.start();
    call = await h.publishedCall();
  });
  afterAll(() => h.stop());

  const expectRefusedAndNothingSaved = async (overrides: object, ruleIds: string[]) => {
    const [proposals, events] = [await h.count('proposal'), await h.count('outbox')];
    const err = await h.refusal(
      PARTNERSHIP_RPC.proposal.create,
      h.as.company,
      h.proposalCommand(call.id, overrides),
    );
    expect(err.code).toBe('RULE_VIOLATION');
    expect(err.issues?.map((i) => i.path)).toEqual(ruleIds);
    for (const issue of err.issues ?? [])
      expect(issue.message).toMatch(/^.*[ぁ-んァ-ン一-龥].* \/ .*[A-Za-z].* \(city-partnerships\.md/);
    expect([await h.count('proposal'), await h.count('outbox')]).toEqual([proposals, events]);
  };

  it('refuses ¥20,000,001, outsourcing above ½, a 7th year of the pair and phase-1 year 4 with cited ja/en findings', async () => {
    await expectRefusedAndNothingSaved({ requestedYen: 20_000_001 }, ['C3P-B1']);
    await expectRefusedAndNothingSaved(
      { budgetLines: OVER_HALF_OUTSOURCING, requestedYen: B5_TOTAL_YEN + 1 },
      ['C3P-B4'],
    );
    await expectRefusedAndNothingSaved(
      { pairHistoryFiscalYears: [2020, 2021, 2022, 2023, 2024, 2025], yearInPhase: 3 },
      ['C3P-D1'],
    );
    await expectRefusedAndNothingSaved({ phase: 1, yearInPhase: 4 }, ['C3P-D5']);
    await expectRefusedAndNothingSaved({ phase: 3, yearInPhase: 1 }, ['C3P-D6']);
  });

  it('counts the years the pair’s own record declares, not only those the applicant lists', async () => {
    const agreement = { status: 'CONCLUDED', type: '覚書', date: '2019-05-20' };
    const setHistory = (years: number[]) =>
      h.call(
        PARTNERSHIP_RPC.partnership.updateAgreement,
        h.as.yokohama,
        { partnershipId: h.yokohamaBangkok.id, agreement, declaredHistoryFiscalYears: years },
        PartnershipTimeline,
      );
    await setHistory([2020, 2021, 2022, 2023, 2024, 2025]);
    try {
      await expectRefusedAndNothingSaved({ pairHistoryFiscalYears: [], yearInPhase: 3 }, ['C3P-D1']);
    } finally {
      await setHistory([]);
    }
  });

  it('accepts the ¥19,965,000 budget of fixture B5 and shows the computed totals', async () => {
    const p = await h.call(
      PARTNERSHIP_RPC.proposal.create,
      h.as.company,
      h.proposalCommand(call.id),
      ProposalView,
    );
    expect(p).toMatchObject({
      state: 'draft',
      kind: 'CONTINUING',
      requestedYen: 19_965_000,
      pairYearCount: 5,
      municipality: { orgId: h.org.yokohama },
    });
    expect(p.budget).toEqual({
      subtotalExclTaxYen: 18_150_000,
      consumptionTaxYen: 1_815_000,
      totalInclTaxYen: 19_965_000,
      outsourcingLimitYen: 6_050_000,
      capInclTaxYen: 20_000_000,
    });
  });

  it('lets only a company draft, for itself, while the call is published', async () => {
    for (const who of [h.as.yokohama, h.as.bangkok, h.as.moe, h.as.companyViewer]) {
      expect(await h.refusal(PARTNERSHIP_RPC.proposal.create, who, h.proposalCommand(call.id))).toMatchObject(
        { code: 'FORBIDDEN' },
      );
    }
    expect(
      await h.refusal(PARTNERSHIP_RPC.proposal.create, h.as.otherCompany, h.proposalCommand(call.id)),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const wrongYear = await h.refusal(
      PARTNERSHIP_RPC.proposal.create,
      h.as.company,
      h.proposalCommand(call.id, { fiscalYear: 2027 }),
    );
    expect(wrongYear.issues?.map((i) => i.path)).toEqual(['fiscalYear']);
  });

  it('refuses submission without the partner city’s 和訳 (E3) and a non-matching file type; submits with both letters', async () => {
    const p = await h.call(
      PARTNERSHIP_RPC.proposal.create,
      h.as.company,
      h.proposalCommand(call.id),
      ProposalView,
    );
    await h.attachedLetter(p.id, 'yokohama');
    const noLetter = await h.refusal(PARTNERSHIP_RPC.proposal.submit, h.as.company, { id: p.id });
    expect(noLetter.code).toBe('RULE_VIOLATION');
    expect(noLetter.issues?.map((i) => i.path)).toContain('C3P-E4');

    let letter = await h.call(
      PARTNERSHIP_RPC.interestLetter.request,
      h.as.company,
      { proposalId: p.id, issuerOrgId: h.org.bangkok, issuerRole: 'PARTNER_CITY', issuer: h.party.bangkok },
      InterestLetterView,
    );
    const upload = {
      id: letter.id,
      language: 'en',
      signatoryName: 'Governor',
      signedOn: '2026-02-10',
      file: pdf('bkk.pdf'),
    };
    expect(
      await h.refusal(PARTNERSHIP_RPC.interestLetter.uploadOriginal, h.as.kitakyushu, upload),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.interestLetter.uploadOriginal, h.as.bangkok, {
        ...upload,
        file: notReallyPng(),
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    letter = await h.call(
      PARTNERSHIP_RPC.interestLetter.uploadOriginal,
      h.as.bangkok,
      upload,
      InterestLetterView,
    );
    expect(letter.state).toBe('received');
    const untranslated = await h.refusal(PARTNERSHIP_RPC.interestLetter.attachToProposal, h.as.company, {
      id: letter.id,
    });
    expect(untranslated).toMatchObject({ code: 'RULE_VIOLATION', issues: [{ path: 'C3P-E3' }] });
    letter = await h.call(
      PARTNERSHIP_RPC.interestLetter.attachTranslation,
      h.as.company,
      { id: letter.id, file: pdf('bkk-ja.pdf') },
      InterestLetterView,
    );
    expect(letter.state).toBe('translation_attached');
    letter = await h.call(
      PARTNERSHIP_RPC.interestLetter.attachToProposal,
      h.as.company,
      { id: letter.id },
      InterestLetterView,
    );
    expect(letter.files.map((f) => f.kind)).toEqual(['ORIGINAL', 'TRANSLATION']);

    expect(await h.refusal(PARTNERSHIP_RPC.proposal.submit, h.as.bangkok, { id: p.id })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const submitted = await h.call(PARTNERSHIP_RPC.proposal.submit, h.as.company, { id: p.id }, ProposalView);
    expect(submitted.state).toBe('submitted');
    expect(await h.refusal(PARTNERSHIP_RPC.proposal.submit, h.as.company, { id: p.id })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      await h.refusal(PARTNERSHIP_RPC.interestLetter.request, h.as.company, {
        proposalId: p.id,
        issuerOrgId: h.org.bangkok,
        issuerRole: 'STAKEHOLDER',
        issuer: h.party.bangkok,
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    // The partner city reads its proposal; Kitakyushu cannot see it at all.
    await expect(
      h.call(PARTNERSHIP_RPC.proposal.get, h.as.bangkok, { id: p.id }, ProposalView),
    ).resolves.toMatchObject({ id: p.id });
    expect(await h.refusal(PARTNERSHIP_RPC.proposal.get, h.as.kitakyushu, { id: p.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await h.call(PARTNERSHIP_RPC.proposal.list, h.as.kitakyushu, {}, ProposalPage)).toEqual({
      items: [],
      total: 0,
    });
    const file = await h.call(
      PARTNERSHIP_RPC.interestLetter.getFile,
      h.as.moe,
      { id: letter.id, kind: 'TRANSLATION' },
      LetterFileContent,
    );
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
  });

  it('withdraws a draft or submitted proposal, and nothing after', async () => {
    const p = await h.call(
      PARTNERSHIP_RPC.proposal.create,
      h.as.company,
      h.proposalCommand(call.id),
      ProposalView,
    );
    expect(
      (await h.call(PARTNERSHIP_RPC.proposal.withdraw, h.as.company, { id: p.id }, ProposalView)).state,
    ).toBe('withdrawn');
    expect(await h.refusal(PARTNERSHIP_RPC.proposal.withdraw, h.as.company, { id: p.id })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await h.refusal(PARTNERSHIP_RPC.proposal.submit, h.as.company, { id: p.id })).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('scores, refuses selection before review and over-scored criteria, selects once into a contract with twelve monthly reports', async () => {
    const submitted = (
      await h.call(PARTNERSHIP_RPC.proposal.list, h.as.company, { state: 'submitted' }, ProposalPage)
    ).items[0];
    expect(await h.refusal(PARTNERSHIP_RPC.proposal.select, h.as.moe, { id: submitted.id })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      await h.refusal(PARTNERSHIP_RPC.proposal.score, h.as.company, fullContinuingScore(submitted.id)),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const over = fullContinuingScore(submitted.id);
    over.score.section1.originality = 40; // the continuing table gives originality 20 points
    expect(await h.refusal(PARTNERSHIP_RPC.proposal.score, h.as.moe, over)).toMatchObject({
      code: 'RULE_VIOLATION',
      issues: [{ path: 'C3P-S0' }],
    });
    const scored = await h.call(
      PARTNERSHIP_RPC.proposal.score,
      h.as.moe,
      fullContinuingScore(submitted.id),
      ProposalView,
    );
    expect(scored).toMatchObject({ state: 'under_review', score: { total: 200, maxTotal: 200 } });
    // Selection waits for the call's review stage.
    expect(await h.refusal(PARTNERSHIP_RPC.proposal.select, h.as.moe, { id: submitted.id })).toMatchObject({
      code: 'CONFLICT',
    });
    for (const action of ['close', 'review'])
      await h.call(PARTNERSHIP_RPC.call.transition, h.as.moe, { id: call.id, action }, CallView);
    expect(
      await h.refusal(PARTNERSHIP_RPC.proposal.select, h.as.company, { id: submitted.id }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const contract = await h.call(
      PARTNERSHIP_RPC.proposal.select,
      h.as.moe,
      { id: submitted.id },
      AnnualContractView,
    );
    expect(contract).toMatchObject({
      state: 'negotiation',
      contractAmountYen: B5_TOTAL_YEN,
      startDate: '2026-04-01',
      endDate: '2027-03-31',
    });
    const again = await h.call(
      PARTNERSHIP_RPC.proposal.select,
      h.as.moe,
      { id: submitted.id },
      AnnualContractView,
    );
    expect(again.id).toBe(contract.id);
    expect(await h.count('annual_contract')).toBe(1);
    const reports = await h.call(
      PARTNERSHIP_RPC.monthlyReport.list,
      h.as.company,
      { contractId: contract.id, limit: 50 },
      MonthlyReportPage,
    );
    expect(reports.total).toBe(12);
    expect(reports.items.map((r) => [r.month, r.dueDate])[0]).toEqual(['2026-04', '2026-05-10']);
    expect(reports.items[11]).toMatchObject({ month: '2027-03', dueDate: '2027-04-10' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.proposal.reject, h.as.moe, { id: submitted.id, reason: 'late' }),
    ).toMatchObject({ code: 'CONFLICT' });
    const events = await eventually(async () => {
      const rows = await queryAs<{ event_type: string }>(
        h.db.url,
        {},
        `SELECT event_type FROM partnership.outbox WHERE published_at IS NOT NULL AND event_type IN ('partnership.proposal.selected', 'partnership.annual-contract.created')`,
      );
      return rows.length === 2 ? rows : undefined;
    });
    expect(events).toHaveLength(2);
  });

  it('rejects a submitted proposal with a reason, and refuses rejecting a draft', async () => {
    const second = await h.publishedCall(2);
    const draft = await h.call(
      PARTNERSHIP_RPC.proposal.create,
      h.as.company,
      h.proposalCommand(second.id),
      ProposalView,
    );
    expect(
      await h.refusal(PARTNERSHIP_RPC.proposal.reject, h.as.moe, { id: draft.id, reason: 'x' }),
    ).toMatchObject({ code: 'CONFLICT' });
    const submitted = await h.submittedProposal(second.id);
    expect(
      await h.refusal(PARTNERSHIP_RPC.proposal.reject, h.as.yokohama, { id: submitted.id, reason: 'x' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const rejected = await h.call(
      PARTNERSHIP_RPC.proposal.reject,
      h.as.moe,
      { id: submitted.id, reason: '事業実施体制が不十分' },
      ProposalView,
    );
    expect(rejected).toMatchObject({ state: 'rejected', decisionReason: '事業実施体制が不十分' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.proposal.score, h.as.moe, fullContinuingScore(submitted.id)),
    ).toMatchObject({ code: 'CONFLICT' });
  });
});
