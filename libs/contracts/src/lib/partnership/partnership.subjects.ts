import * as z from 'zod';
import { defineEvent, EventDefinition } from '../shared/define-event';
import { OtherParticipant, PartnershipView } from './partnership.commands';
import { UpdatePartnershipAgreementCommand } from './partnership.timeline';
import { CallAction, CallView } from './programme.calls';
import { AnnualContractView, ContractAction } from './programme.contracts';
import { DeliverableView } from './programme.deliverables';
import { InterestLetterView } from './programme.interest-letters';
import { JcmLeadView } from './programme.jcm-leads';
import { MonthlyReportView } from './programme.monthly-reports';
import { ProposalView } from './programme.proposals';
import { ReportMeetingView } from './programme.report-meetings';
import { SettlementReportView } from './programme.settlement-reports';

/**
 * NATS subjects of partnership-service (DESIGN §4): request/reply `partnership.<aggregate>.<verb>`; the
 * 都市間連携 records themselves and the programme year around them (calls, proposals, contracts, reports, letters,
 * JCM leads).
 */
export const PARTNERSHIP_RPC = {
  partnership: {
    create: 'partnership.partnership.create',
    list: 'partnership.partnership.list',
    get: 'partnership.partnership.get',
    addParticipant: 'partnership.partnership.add-participant',
    updateAgreement: 'partnership.partnership.update-agreement',
    getTimeline: 'partnership.partnership.get-timeline',
  },
  call: {
    create: 'partnership.call.create',
    list: 'partnership.call.list',
    get: 'partnership.call.get',
    transition: 'partnership.call.transition',
  },
  proposal: {
    create: 'partnership.proposal.create',
    list: 'partnership.proposal.list',
    get: 'partnership.proposal.get',
    submit: 'partnership.proposal.submit',
    withdraw: 'partnership.proposal.withdraw',
    score: 'partnership.proposal.score',
    select: 'partnership.proposal.select',
    reject: 'partnership.proposal.reject',
  },
  annualContract: {
    list: 'partnership.annual-contract.list',
    get: 'partnership.annual-contract.get',
    update: 'partnership.annual-contract.update',
    transition: 'partnership.annual-contract.transition',
    reduce: 'partnership.annual-contract.reduce',
  },
  monthlyReport: {
    list: 'partnership.monthly-report.list',
    get: 'partnership.monthly-report.get',
    update: 'partnership.monthly-report.update',
    submit: 'partnership.monthly-report.submit',
    acknowledge: 'partnership.monthly-report.acknowledge',
    return: 'partnership.monthly-report.return',
  },
  interestLetter: {
    request: 'partnership.interest-letter.request',
    list: 'partnership.interest-letter.list',
    get: 'partnership.interest-letter.get',
    uploadOriginal: 'partnership.interest-letter.upload-original',
    attachTranslation: 'partnership.interest-letter.attach-translation',
    attachToProposal: 'partnership.interest-letter.attach-to-proposal',
    getFile: 'partnership.interest-letter.get-file',
  },
  jcmLead: {
    record: 'partnership.jcm-lead.record',
    list: 'partnership.jcm-lead.list',
    advance: 'partnership.jcm-lead.advance',
  },
  reportMeeting: {
    schedule: 'partnership.report-meeting.schedule',
    list: 'partnership.report-meeting.list',
    get: 'partnership.report-meeting.get',
    submitMaterials: 'partnership.report-meeting.submit-materials',
    hold: 'partnership.report-meeting.hold',
    recordMinutes: 'partnership.report-meeting.record-minutes',
    confirmMinutes: 'partnership.report-meeting.confirm-minutes',
    requestDeliverables: 'partnership.report-meeting.request-deliverables',
  },
  settlementReport: {
    create: 'partnership.settlement-report.create',
    list: 'partnership.settlement-report.list',
    get: 'partnership.settlement-report.get',
    update: 'partnership.settlement-report.update',
    submit: 'partnership.settlement-report.submit',
    accept: 'partnership.settlement-report.accept',
    return: 'partnership.settlement-report.return',
  },
  deliverable: {
    list: 'partnership.deliverable.list',
    get: 'partnership.deliverable.get',
    submit: 'partnership.deliverable.submit',
    accept: 'partnership.deliverable.accept',
    return: 'partnership.deliverable.return',
  },
} as const;

/** evt.partnership.partnership.participant-added: grants' projection widens who may see the partnership. */
export const PartnershipParticipantAddedEvent = z.object({
  partnershipId: z.uuid(),
  participant: OtherParticipant,
  participantOrgIds: z.array(z.uuid()),
});
export type PartnershipParticipantAddedEvent = z.infer<typeof PartnershipParticipantAddedEvent>;

/** evt.partnership.proposal.selected: the selected proposal and the 単年度契約 it became. */
export const ProposalSelectedEvent = z.object({ proposalId: z.uuid(), contractId: z.uuid() });
export type ProposalSelectedEvent = z.infer<typeof ProposalSelectedEvent>;

/** evt.partnership.annual-contract.created: the contract and how many 月次報告 were scheduled with it. */
export const AnnualContractCreatedEvent = AnnualContractView.extend({
  monthlyReports: z.number().int().nonnegative(),
});
export type AnnualContractCreatedEvent = z.infer<typeof AnnualContractCreatedEvent>;

/** Domain events of partnership-service (`evt.` + type on the stream), each with the payload it carries. */
export const PARTNERSHIP_EVENTS = {
  partnership: {
    /** Consumed by grants-service for its partnership projection. */
    created: defineEvent('partnership.partnership.created', PartnershipView),
    participantAdded: defineEvent(
      'partnership.partnership.participant-added',
      PartnershipParticipantAddedEvent,
    ),
    agreementUpdated: defineEvent(
      'partnership.partnership.agreement-updated',
      UpdatePartnershipAgreementCommand,
    ),
  },
  call: {
    created: defineEvent('partnership.call.created', CallView),
    published: defineEvent('partnership.call.published', CallView),
    closed: defineEvent('partnership.call.closed', CallView),
    reviewStarted: defineEvent('partnership.call.review-started', CallView),
    resultsPublished: defineEvent('partnership.call.results-published', CallView),
  },
  proposal: {
    created: defineEvent('partnership.proposal.created', ProposalView),
    submitted: defineEvent('partnership.proposal.submitted', ProposalView),
    withdrawn: defineEvent('partnership.proposal.withdrawn', ProposalView),
    scored: defineEvent('partnership.proposal.scored', ProposalView),
    selected: defineEvent('partnership.proposal.selected', ProposalSelectedEvent),
    rejected: defineEvent('partnership.proposal.rejected', ProposalView),
  },
  annualContract: {
    created: defineEvent('partnership.annual-contract.created', AnnualContractCreatedEvent),
    updated: defineEvent('partnership.annual-contract.updated', AnnualContractView),
    reduced: defineEvent('partnership.annual-contract.reduced', AnnualContractView),
    signed: defineEvent('partnership.annual-contract.signed', AnnualContractView),
    kickoffReported: defineEvent('partnership.annual-contract.kickoff-reported', AnnualContractView),
    workStarted: defineEvent('partnership.annual-contract.work-started', AnnualContractView),
    interimReported: defineEvent('partnership.annual-contract.interim-reported', AnnualContractView),
    finalReported: defineEvent('partnership.annual-contract.final-reported', AnnualContractView),
    deliverablesSubmitted: defineEvent(
      'partnership.annual-contract.deliverables-submitted',
      AnnualContractView,
    ),
    settled: defineEvent('partnership.annual-contract.settled', AnnualContractView),
    closed: defineEvent('partnership.annual-contract.closed', AnnualContractView),
    suspended: defineEvent('partnership.annual-contract.suspended', AnnualContractView),
  },
  monthlyReport: {
    updated: defineEvent('partnership.monthly-report.updated', MonthlyReportView),
    submitted: defineEvent('partnership.monthly-report.submitted', MonthlyReportView),
    acknowledged: defineEvent('partnership.monthly-report.acknowledged', MonthlyReportView),
    returned: defineEvent('partnership.monthly-report.returned', MonthlyReportView),
  },
  interestLetter: {
    requested: defineEvent('partnership.interest-letter.requested', InterestLetterView),
    received: defineEvent('partnership.interest-letter.received', InterestLetterView),
    translationAttached: defineEvent('partnership.interest-letter.translation-attached', InterestLetterView),
    attachedToProposal: defineEvent('partnership.interest-letter.attached-to-proposal', InterestLetterView),
  },
  jcmLead: {
    recorded: defineEvent('partnership.jcm-lead.recorded', JcmLeadView),
    advanced: defineEvent('partnership.jcm-lead.advanced', JcmLeadView),
  },
  reportMeeting: {
    scheduled: defineEvent('partnership.report-meeting.scheduled', ReportMeetingView),
    materialsSubmitted: defineEvent('partnership.report-meeting.materials-submitted', ReportMeetingView),
    held: defineEvent('partnership.report-meeting.held', ReportMeetingView),
    minutesRecorded: defineEvent('partnership.report-meeting.minutes-recorded', ReportMeetingView),
    minutesConfirmed: defineEvent('partnership.report-meeting.minutes-confirmed', ReportMeetingView),
    deliverablesRequested: defineEvent(
      'partnership.report-meeting.deliverables-requested',
      ReportMeetingView,
    ),
  },
  settlementReport: {
    created: defineEvent('partnership.settlement-report.created', SettlementReportView),
    updated: defineEvent('partnership.settlement-report.updated', SettlementReportView),
    submitted: defineEvent('partnership.settlement-report.submitted', SettlementReportView),
    accepted: defineEvent('partnership.settlement-report.accepted', SettlementReportView),
    returned: defineEvent('partnership.settlement-report.returned', SettlementReportView),
  },
  deliverable: {
    submitted: defineEvent('partnership.deliverable.submitted', DeliverableView),
    accepted: defineEvent('partnership.deliverable.accepted', DeliverableView),
    returned: defineEvent('partnership.deliverable.returned', DeliverableView),
  },
} as const;

/** The event each call transition publishes (CALL_TRANSITIONS holds its states). */
export const CALL_TRANSITION_EVENTS = {
  publish: PARTNERSHIP_EVENTS.call.published,
  close: PARTNERSHIP_EVENTS.call.closed,
  review: PARTNERSHIP_EVENTS.call.reviewStarted,
  'publish-results': PARTNERSHIP_EVENTS.call.resultsPublished,
} as const satisfies Record<CallAction, EventDefinition<typeof CallView>>;

/** The event each contract transition publishes (CONTRACT_TRANSITIONS holds its states). */
export const CONTRACT_TRANSITION_EVENTS = {
  sign: PARTNERSHIP_EVENTS.annualContract.signed,
  'report-kickoff': PARTNERSHIP_EVENTS.annualContract.kickoffReported,
  'start-work': PARTNERSHIP_EVENTS.annualContract.workStarted,
  'report-interim': PARTNERSHIP_EVENTS.annualContract.interimReported,
  'report-final': PARTNERSHIP_EVENTS.annualContract.finalReported,
  'submit-deliverables': PARTNERSHIP_EVENTS.annualContract.deliverablesSubmitted,
  settle: PARTNERSHIP_EVENTS.annualContract.settled,
  close: PARTNERSHIP_EVENTS.annualContract.closed,
  suspend: PARTNERSHIP_EVENTS.annualContract.suspended,
} as const satisfies Record<ContractAction, EventDefinition<typeof AnnualContractView>>;
