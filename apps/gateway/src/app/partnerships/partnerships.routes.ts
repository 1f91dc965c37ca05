import {
  AddPartnershipParticipantRequest,
  CreatePartnershipCommand,
  CreatePartnershipRequest,
  DomainError,
  GetPartnershipQuery,
  ListPartnershipsQuery,
  PARTNERSHIP_RPC,
  PartnershipPage,
  PartnershipTimeline,
  PartnershipView,
  UpdatePartnershipAgreementRequest,
} from '@jcm/contracts';
import { partyOf } from '../programme/programme-parties';
import { route, routeArea } from '../routes/route';

const RPC = PARTNERSHIP_RPC.partnership;

/** /api/v1/partnerships: 都市間連携, fronting partnership-service. */
export const PARTNERSHIP_ROUTES = routeArea('Partnerships', [
  route({
    method: 'POST',
    path: 'partnerships',
    idempotencyKey: true,
    summary: 'Register a city pair',
    body: CreatePartnershipRequest,
    response: PartnershipView,
    rpc: { subject: RPC.create },
    // Snapshots the organisations' names into the command; each must be of the type its side needs.
    prepare: async (req, { services: { identity } }): Promise<CreatePartnershipCommand> => ({
      municipality: await partyOf(identity, req.municipalityOrgId, 'municipalityOrgId', 'MUNICIPALITY'),
      partnerCity: await partyOf(identity, req.partnerCityOrgId, 'partnerCityOrgId', 'PARTNER_CITY'),
      titleJa: req.titleJa,
      titleEn: req.titleEn,
      targetFields: req.targetFields,
      targetFieldOther: req.targetFieldOther ?? null,
    }),
  }),
  route({
    method: 'POST',
    path: 'partnerships/:id/participants',
    summary: 'Add the contractor (or a co-implementer, a further city), so it can see and work on the pair',
    params: GetPartnershipQuery,
    body: AddPartnershipParticipantRequest,
    response: PartnershipView,
    rpc: { subject: RPC.addParticipant },
    prepare: async (req, { params, services: { identity } }) => {
      const org = await identity.findOrganisation(req.orgId);
      if (!org)
        throw new DomainError('VALIDATION_FAILED', 'orgId: no such organisation', [
          { path: 'orgId', message: 'No such organisation' },
        ]);
      const participant = {
        orgId: org.id,
        nameJa: org.nameJa,
        nameEn: org.nameEn,
        country: org.country,
        role: req.role,
      };
      return { partnershipId: params.id, participant };
    },
  }),
  route({
    method: 'GET',
    path: 'partnerships/:id/timeline',
    summary: 'Agreement, years and the 7-year rule (7年ルール)',
    params: GetPartnershipQuery,
    response: PartnershipTimeline,
    rpc: { subject: RPC.getTimeline },
  }),
  route({
    method: 'PATCH',
    path: 'partnerships/:id/agreement',
    summary: 'Record the agreement and earlier years',
    params: GetPartnershipQuery,
    body: UpdatePartnershipAgreementRequest,
    response: PartnershipTimeline,
    rpc: { subject: RPC.updateAgreement },
    prepare: (req, { params }) => ({ partnershipId: params.id, ...req }),
  }),
  route({
    method: 'GET',
    path: 'partnerships',
    summary: '都市間連携 city pairs visible to the caller',
    query: ListPartnershipsQuery,
    response: PartnershipPage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'GET',
    path: 'partnerships/:id',
    summary: 'One city pair (404 when not visible)',
    params: GetPartnershipQuery,
    response: PartnershipView,
    rpc: { subject: RPC.get },
  }),
]);
