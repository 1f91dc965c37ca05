import { randomUUID } from 'crypto';
import { INestApplication } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { z } from 'zod';
import {
  AnnualContractView,
  CallView,
  CreateProposalCommand,
  DeliverablePage,
  DeliverableView,
  DomainError,
  InterestLetterView,
  PARTNERSHIP_RPC,
  PartnershipView,
  ProposalView,
  ReportMeetingKind,
  ReportMeetingView,
  RequestContext,
} from '@jcm/contracts';
import { sendRpc, ServiceConfig } from '@jcm/service-kit';
import {
  createTestDatabase,
  ctxFor,
  deleteTestStream,
  migrateForTest,
  queryAs,
  startTestService,
  TestDatabase,
  testEventBus,
  testNatsClient,
  testServiceConfig,
} from '@jcm/testing';
import { PARTNERSHIP_MIGRATIONS } from '../../migrations';
import { PartnershipServiceModule } from '../app.module';
import { CALL_FY2026, continuingProposal, dayOffset, fullContinuingScore, pdf } from './programme-fixtures';

const party = (orgId: string, nameJa: string, nameEn: string, country: string) => ({
  orgId,
  nameJa,
  nameEn,
  country,
});

/** partnership-service on a fresh database and stream, with the organisations of a Yokohama–Bangkok year. */
export class ProgrammeHarness {
  readonly org = {
    moe: randomUUID(),
    yokohama: randomUUID(),
    bangkok: randomUUID(),
    kitakyushu: randomUUID(),
    koror: randomUUID(),
    company: randomUUID(),
    otherCompany: randomUUID(),
  };
  readonly party = {
    yokohama: party(this.org.yokohama, '横浜市', 'City of Yokohama', 'JP'),
    bangkok: party(this.org.bangkok, 'バンコク都', 'Bangkok Metropolitan Administration', 'TH'),
    kitakyushu: party(this.org.kitakyushu, '北九州市', 'City of Kitakyushu', 'JP'),
    koror: party(this.org.koror, 'コロール州', 'Koror State', 'PW'),
    company: party(this.org.company, 'デモ・エンジニアリング株式会社', 'Demo Engineering Co., Ltd.', 'JP'),
    otherCompany: party(this.org.otherCompany, '別会社', 'Other Co.', 'JP'),
  };
  readonly as = {
    moe: ctxFor(this.org.moe, 'MOE'),
    yokohama: ctxFor(this.org.yokohama, 'MUNICIPALITY'),
    bangkok: ctxFor(this.org.bangkok, 'PARTNER_CITY'),
    kitakyushu: ctxFor(this.org.kitakyushu, 'MUNICIPALITY'),
    company: ctxFor(this.org.company, 'COMPANY'),
    otherCompany: ctxFor(this.org.otherCompany, 'COMPANY'),
    companyViewer: ctxFor(this.org.company, 'COMPANY', 'viewer'),
  };
  readonly bus = testEventBus();
  db!: TestDatabase;
  config!: ServiceConfig;
  app!: INestApplication;
  client!: ClientNats;
  yokohamaBangkok!: PartnershipView;
  kitakyushuKoror!: PartnershipView;

  async start(clock?: () => Date): Promise<this> {
    this.db = await createTestDatabase();
    this.config = testServiceConfig('partnership', this.db.url, this.bus);
    await migrateForTest(this.config, PARTNERSHIP_MIGRATIONS);
    this.app = await startTestService(
      'partnership-service',
      PartnershipServiceModule.register(this.config, clock),
      this.bus,
    );
    this.client = testNatsClient(this.bus);
    await this.client.connect();
    const pair = (m: typeof this.party.yokohama, p: typeof this.party.bangkok) => ({
      municipality: m,
      partnerCity: p,
      titleJa: `${m.nameJa}・${p.nameJa}`,
      titleEn: `${m.nameEn}–${p.nameEn}`,
      targetFields: ['waste'],
      targetFieldOther: null,
    });
    this.yokohamaBangkok = await this.call(
      PARTNERSHIP_RPC.partnership.create,
      this.as.moe,
      pair(this.party.yokohama, this.party.bangkok),
      PartnershipView,
    );
    this.kitakyushuKoror = await this.call(
      PARTNERSHIP_RPC.partnership.create,
      this.as.moe,
      pair(this.party.kitakyushu, this.party.koror),
      PartnershipView,
    );
    return this;
  }

  async stop(): Promise<void> {
    await this.client?.close();
    await this.app?.close();
    await deleteTestStream(this.bus.stream);
    await this.db?.drop();
  }

  call<S extends z.ZodTypeAny>(
    subject: string,
    ctx: RequestContext,
    data: unknown,
    schema: S,
  ): Promise<z.infer<S>> {
    return sendRpc(this.client, subject, ctx, data, schema);
  }

  /** The DomainError a call fails with (fails the test if it succeeds). */
  async refusal(subject: string, ctx: RequestContext, data: unknown): Promise<DomainError> {
    const result = await sendRpc(this.client, subject, ctx, data, z.unknown()).then(
      () => null,
      (e: DomainError) => e,
    );
    if (!result) throw new Error(`${subject} unexpectedly succeeded`);
    return result;
  }

  count(table: string): Promise<number> {
    return queryAs<{ n: number }>(
      this.db.url,
      {},
      `SELECT count(*)::int AS n FROM partnership.${table}`,
    ).then((r) => r[0].n);
  }

  /** MOE opens a call whose window contains today, with the FY2026 first-call preset. */
  async publishedCall(round = 1): Promise<CallView> {
    const call = await this.call(
      PARTNERSHIP_RPC.call.create,
      this.as.moe,
      { ...CALL_FY2026(dayOffset(-5), dayOffset(25)), round },
      CallView,
    );
    return this.call(
      PARTNERSHIP_RPC.call.transition,
      this.as.moe,
      { id: call.id, action: 'publish' },
      CallView,
    );
  }

  proposalCommand(
    callId: string,
    overrides: Parameters<typeof continuingProposal>[2] = {},
  ): CreateProposalCommand {
    return {
      request: { ...continuingProposal(callId, this.yokohamaBangkok.id, overrides), otherMemberOrgIds: [] },
      company: this.party.company,
      municipality: null,
      partnerCity: null,
      otherMembers: [],
    } as CreateProposalCommand;
  }

  /** A letter requested by the company, uploaded by its issuer, translated if not Japanese, attached. */
  async attachedLetter(proposalId: string, issuer: 'yokohama' | 'bangkok'): Promise<InterestLetterView> {
    const role = issuer === 'yokohama' ? 'JP_MUNICIPALITY' : 'PARTNER_CITY';
    let letter = await this.call(
      PARTNERSHIP_RPC.interestLetter.request,
      this.as.company,
      { proposalId, issuerOrgId: this.org[issuer], issuerRole: role, issuer: this.party[issuer] },
      InterestLetterView,
    );
    letter = await this.call(
      PARTNERSHIP_RPC.interestLetter.uploadOriginal,
      this.as[issuer],
      {
        id: letter.id,
        language: issuer === 'yokohama' ? 'ja' : 'en',
        signatoryName: issuer === 'yokohama' ? '横浜市長' : 'Governor of Bangkok',
        signedOn: '2026-02-10',
        file: pdf(`${issuer}.pdf`),
      },
      InterestLetterView,
    );
    if (issuer === 'bangkok') {
      letter = await this.call(
        PARTNERSHIP_RPC.interestLetter.attachTranslation,
        this.as.company,
        { id: letter.id, file: pdf('bangkok-和訳.pdf') },
        InterestLetterView,
      );
    }
    return this.call(
      PARTNERSHIP_RPC.interestLetter.attachToProposal,
      this.as.company,
      { id: letter.id },
      InterestLetterView,
    );
  }

  /** A submitted Yokohama–Bangkok proposal with both letters. */
  async submittedProposal(callId: string): Promise<ProposalView> {
    const p = await this.call(
      PARTNERSHIP_RPC.proposal.create,
      this.as.company,
      this.proposalCommand(callId),
      ProposalView,
    );
    await this.attachedLetter(p.id, 'yokohama');
    await this.attachedLetter(p.id, 'bangkok');
    return this.call(PARTNERSHIP_RPC.proposal.submit, this.as.company, { id: p.id }, ProposalView);
  }

  /** 報告会 scheduled, with materials, held online (§6.6), so the matching contract step may follow. */
  async heldMeeting(
    contractId: string,
    kind: ReportMeetingKind,
    on = '2026-06-15',
  ): Promise<ReportMeetingView> {
    const scheduled = await this.call(
      PARTNERSHIP_RPC.reportMeeting.schedule,
      this.as.moe,
      { contractId, kind, scheduledOn: on },
      ReportMeetingView,
    );
    const materials = [{ title: `${kind} 報告資料`, fileRef: `docs/${kind.toLowerCase()}.pptx` }];
    await this.call(
      PARTNERSHIP_RPC.reportMeeting.submitMaterials,
      this.as.company,
      { id: scheduled.id, materials },
      ReportMeetingView,
    );
    return this.call(
      PARTNERSHIP_RPC.reportMeeting.hold,
      this.as.company,
      { id: scheduled.id, heldOn: on },
      ReportMeetingView,
    );
  }

  /** The contractor hands in every 成果物 of the checklist. */
  async submitAllDeliverables(contractId: string): Promise<DeliverableView[]> {
    const page = await this.call(
      PARTNERSHIP_RPC.deliverable.list,
      this.as.company,
      { contractId },
      DeliverablePage,
    );
    const out: DeliverableView[] = [];
    for (const d of page.items) {
      out.push(
        await this.call(
          PARTNERSHIP_RPC.deliverable.submit,
          this.as.company,
          { id: d.id, fileRef: `deliverables/${d.kind}` },
          DeliverableView,
        ),
      );
    }
    return out;
  }

  /** Publish → submit → close → review → score → select: the year's contract in negotiation. */
  async selectedContract(
    round = 1,
  ): Promise<{ call: CallView; proposal: ProposalView; contract: AnnualContractView }> {
    const call = await this.publishedCall(round);
    const submitted = await this.submittedProposal(call.id);
    for (const action of ['close', 'review'])
      await this.call(PARTNERSHIP_RPC.call.transition, this.as.moe, { id: call.id, action }, CallView);
    await this.call(
      PARTNERSHIP_RPC.proposal.score,
      this.as.moe,
      fullContinuingScore(submitted.id),
      ProposalView,
    );
    const contract = await this.call(
      PARTNERSHIP_RPC.proposal.select,
      this.as.moe,
      { id: submitted.id },
      AnnualContractView,
    );
    const proposal = await this.call(
      PARTNERSHIP_RPC.proposal.get,
      this.as.moe,
      { id: submitted.id },
      ProposalView,
    );
    return { call, proposal, contract };
  }
}
