import {
  AnnualContractView,
  CreateProposalCommand,
  CreateProposalRequest,
  IdParam,
  ListProposalsQuery,
  PARTNERSHIP_RPC,
  ProposalPage,
  ProposalView,
  RejectProposalCommand,
  ScoreProposalCommand,
  SelectProposalCommand,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';
import { partyOf } from './programme-parties';

const RPC = PARTNERSHIP_RPC.proposal;
const step = (path: string, summary: string, subject: string) =>
  route({
    method: 'POST',
    path,
    summary,
    status: 200,
    params: IdParam,
    response: ProposalView,
    rpc: { subject },
  });

/** /api/v1/proposals: 企画書, 採点, 採択 (selection answers with the new 単年度契約). */
export const PROPOSAL_ROUTES = routeArea('Proposals', [
  route({
    method: 'POST',
    path: 'proposals',
    idempotencyKey: true,
    summary: '企画書: draft a proposal (the applying company)',
    body: CreateProposalRequest,
    response: ProposalView,
    rpc: { subject: RPC.create },
    // The applicant is the caller's organisation; every party is snapshotted from the identity schema.
    prepare: async (req, { ctx, services: { identity } }): Promise<CreateProposalCommand> => ({
      request: req,
      company: await partyOf(identity, ctx.orgId, 'company'),
      municipality: req.municipalityOrgId
        ? await partyOf(identity, req.municipalityOrgId, 'municipalityOrgId', 'MUNICIPALITY')
        : null,
      partnerCity: req.partnerCityOrgId
        ? await partyOf(identity, req.partnerCityOrgId, 'partnerCityOrgId', 'PARTNER_CITY')
        : null,
      otherMembers: await Promise.all(
        req.otherMemberOrgIds.map((id, i) => partyOf(identity, id, `otherMemberOrgIds.${i}`)),
      ),
    }),
  }),
  route({
    method: 'GET',
    path: 'proposals',
    summary: '企画書: proposals visible to the caller',
    query: ListProposalsQuery,
    response: ProposalPage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'GET',
    path: 'proposals/:id',
    summary: '企画書: one proposal',
    params: IdParam,
    response: ProposalView,
    rpc: { subject: RPC.get },
  }),
  step('proposals/:id/submit', '企画書: submit (the applying company)', RPC.submit),
  step('proposals/:id/withdraw', '企画書: withdraw (the applying company)', RPC.withdraw),
  route({
    method: 'POST',
    path: 'proposals/:id/score',
    summary: '採点: score with the 200-point table (MOE, secretariat)',
    status: 200,
    body: ScoreProposalCommand,
    response: ProposalView,
    rpc: { subject: RPC.score },
  }),
  route({
    method: 'POST',
    path: 'proposals/:id/select',
    idempotencyKey: true,
    summary:
      '採択: select; creates the annual contract and its monthly reports (201; repeating it returns the same contract)',
    body: SelectProposalCommand,
    response: AnnualContractView,
    rpc: { subject: RPC.select },
  }),
  route({
    method: 'POST',
    path: 'proposals/:id/reject',
    summary: '不採択: reject with a reason (MOE, secretariat)',
    status: 200,
    body: RejectProposalCommand,
    response: ProposalView,
    rpc: { subject: RPC.reject },
  }),
]);
