import {
  CallAction,
  CallPage,
  CallView,
  CreateCallCommand,
  IdParam,
  ListCallsQuery,
  PARTNERSHIP_RPC,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

const RPC = PARTNERSHIP_RPC.call;

/** /api/v1/calls: 公募, fronting partnership-service. */
export const CALL_ROUTES = routeArea('Calls', [
  route({
    method: 'POST',
    path: 'calls',
    idempotencyKey: true,
    summary: '公募: create a call (MOE, secretariat)',
    body: CreateCallCommand,
    response: CallView,
    rpc: { subject: RPC.create },
  }),
  route({
    method: 'GET',
    path: 'calls',
    summary: '公募: calls visible to the caller',
    query: ListCallsQuery,
    response: CallPage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'GET',
    path: 'calls/:id',
    summary: '公募: one call',
    params: IdParam,
    response: CallView,
    rpc: { subject: RPC.get },
  }),
  route({
    method: 'POST',
    path: 'calls/:id/:action',
    summary: '公募: publish | close | review | publish-results',
    status: 200,
    params: IdParam.extend({ action: CallAction }),
    response: CallView,
    rpc: { subject: RPC.transition },
  }),
]);
