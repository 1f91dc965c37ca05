import {
  DeliverablePage,
  DeliverableView,
  IdParam,
  ListDeliverablesQuery,
  PARTNERSHIP_RPC,
  ReturnDeliverableCommand,
  SubmitDeliverableCommand,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

const RPC = PARTNERSHIP_RPC.deliverable;

/** /api/v1/deliverables: the 成果物 checklist (the contractor submits; MOE or the secretariat accept or return). */
export const DELIVERABLE_ROUTES = routeArea('Deliverables', [
  route({
    method: 'GET',
    path: 'deliverables',
    summary: '成果物: deliverables visible to the caller',
    query: ListDeliverablesQuery,
    response: DeliverablePage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'GET',
    path: 'deliverables/:id',
    summary: '成果物: one deliverable',
    params: IdParam,
    response: DeliverableView,
    rpc: { subject: RPC.get },
  }),
  route({
    method: 'POST',
    path: 'deliverables/:id/submit',
    summary: '成果物: submit a deliverable (the contractor)',
    status: 200,
    body: SubmitDeliverableCommand,
    response: DeliverableView,
    rpc: { subject: RPC.submit },
  }),
  route({
    method: 'POST',
    path: 'deliverables/:id/accept',
    summary: '成果物: accept (MOE, secretariat)',
    status: 200,
    params: IdParam,
    response: DeliverableView,
    rpc: { subject: RPC.accept },
  }),
  route({
    method: 'POST',
    path: 'deliverables/:id/return',
    summary: '成果物: return with a comment (MOE, secretariat)',
    status: 200,
    body: ReturnDeliverableCommand,
    response: DeliverableView,
    rpc: { subject: RPC.return },
  }),
]);
