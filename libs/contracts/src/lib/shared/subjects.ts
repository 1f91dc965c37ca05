/**
 * NATS subjects (DESIGN §4). RPC: `<service>.<aggregate>.<verb>`; events: `<prefix>.<service>.<aggregate>.<past>`,
 * where the prefix is `evt` in production (configurable so integration tests use their own stream).
 */
export const RPC = {
  partnership: {
    create: 'partnership.partnership.create',
    list: 'partnership.partnership.list',
    get: 'partnership.partnership.get',
  },
  /** 都市間連携事業 programme year: calls, proposals, contracts, reports, letters, JCM leads (partnership-service). */
  programme: {
    callCreate: 'partnership.call.create',
    callList: 'partnership.call.list',
    callGet: 'partnership.call.get',
    callTransition: 'partnership.call.transition',
    proposalCreate: 'partnership.proposal.create',
    proposalList: 'partnership.proposal.list',
    proposalGet: 'partnership.proposal.get',
    proposalSubmit: 'partnership.proposal.submit',
    proposalWithdraw: 'partnership.proposal.withdraw',
    proposalScore: 'partnership.proposal.score',
    proposalSelect: 'partnership.proposal.select',
    proposalReject: 'partnership.proposal.reject',
    contractList: 'partnership.annual-contract.list',
    contractGet: 'partnership.annual-contract.get',
    contractUpdate: 'partnership.annual-contract.update',
    contractTransition: 'partnership.annual-contract.transition',
    contractReduce: 'partnership.annual-contract.reduce',
    monthlyReportList: 'partnership.monthly-report.list',
    monthlyReportGet: 'partnership.monthly-report.get',
    monthlyReportUpdate: 'partnership.monthly-report.update',
    monthlyReportSubmit: 'partnership.monthly-report.submit',
    monthlyReportAcknowledge: 'partnership.monthly-report.acknowledge',
    monthlyReportReturn: 'partnership.monthly-report.return',
    letterRequest: 'partnership.interest-letter.request',
    letterList: 'partnership.interest-letter.list',
    letterGet: 'partnership.interest-letter.get',
    letterUploadOriginal: 'partnership.interest-letter.upload-original',
    letterAttachTranslation: 'partnership.interest-letter.attach-translation',
    letterAttachToProposal: 'partnership.interest-letter.attach-to-proposal',
    letterFile: 'partnership.interest-letter.file',
    jcmLeadRecord: 'partnership.jcm-lead.record',
    jcmLeadList: 'partnership.jcm-lead.list',
    jcmLeadAdvance: 'partnership.jcm-lead.advance',
  },
  grants: {
    listPartnershipProjection: 'grants.partnership-projection.list',
  },
  health: (service: string) => `${service}.health.check`,
} as const;

/** Event types, without the stream prefix. */
export const EVENTS = {
  partnershipCreated: 'partnership.partnership.created',
  /** Programme events; call / contract transitions publish `partnership.<aggregate>.<event>` from their tables. */
  callCreated: 'partnership.call.created',
  proposalCreated: 'partnership.proposal.created',
  proposalSubmitted: 'partnership.proposal.submitted',
  proposalWithdrawn: 'partnership.proposal.withdrawn',
  proposalScored: 'partnership.proposal.scored',
  proposalSelected: 'partnership.proposal.selected',
  proposalRejected: 'partnership.proposal.rejected',
  annualContractCreated: 'partnership.annual-contract.created',
  annualContractUpdated: 'partnership.annual-contract.updated',
  annualContractReduced: 'partnership.annual-contract.reduced',
  monthlyReportUpdated: 'partnership.monthly-report.updated',
  monthlyReportSubmitted: 'partnership.monthly-report.submitted',
  monthlyReportAcknowledged: 'partnership.monthly-report.acknowledged',
  monthlyReportReturned: 'partnership.monthly-report.returned',
  interestLetterRequested: 'partnership.interest-letter.requested',
  interestLetterReceived: 'partnership.interest-letter.received',
  interestLetterTranslationAttached: 'partnership.interest-letter.translation-attached',
  interestLetterAttachedToProposal: 'partnership.interest-letter.attached-to-proposal',
  jcmLeadRecorded: 'partnership.jcm-lead.recorded',
  jcmLeadAdvanced: 'partnership.jcm-lead.advanced',
} as const;

export const SERVICE_NAMES = ['partnership-service', 'grants-service', 'mrv-service', 'credits-service'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
