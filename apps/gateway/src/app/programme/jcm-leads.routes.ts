import {
  AdvanceJcmLeadCommand,
  JcmLeadPage,
  JcmLeadView,
  ListJcmLeadsQuery,
  PARTNERSHIP_RPC,
  RecordJcmLeadCommand,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

const RPC = PARTNERSHIP_RPC.jcmLead;
const ofPartnership = { id: 'partnershipId' };

/** /api/v1/partnerships/:id/jcm-leads and /api/v1/jcm-leads: JCM projects found through a partnership (出口戦略). */
export const JCM_LEAD_ROUTES = routeArea('JcmLeads', [
  route({
    method: 'POST',
    path: 'partnerships/:id/jcm-leads',
    idempotencyKey: true,
    summary: 'JCM案件: record a lead found through the partnership',
    body: RecordJcmLeadCommand,
    pathAs: ofPartnership,
    response: JcmLeadView,
    rpc: { subject: RPC.record },
  }),
  route({
    method: 'GET',
    path: 'partnerships/:id/jcm-leads',
    summary: 'JCM案件: leads of one partnership',
    query: ListJcmLeadsQuery,
    pathAs: ofPartnership,
    response: JcmLeadPage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'GET',
    path: 'jcm-leads',
    summary: 'JCM案件: leads visible to the caller',
    query: ListJcmLeadsQuery,
    response: JcmLeadPage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'POST',
    path: 'jcm-leads/:id/advance',
    summary: 'JCM案件: advance a lead to its next stage',
    status: 200,
    body: AdvanceJcmLeadCommand,
    response: JcmLeadView,
    rpc: { subject: RPC.advance },
  }),
]);
