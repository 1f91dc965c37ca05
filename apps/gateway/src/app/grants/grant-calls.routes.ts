import {
  AssignReviewersCommand,
  CreateGrantCallCommand,
  GrantCallAction,
  GrantCallPage,
  GrantCallView,
  GRANTS_RPC,
  IdParam,
  ListGrantCallsQuery,
  PublicGrantCallList,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

const RPC = GRANTS_RPC.call;

/** /api/v1/grants/calls: JCM設備補助 公募, fronting grants-service. */
export const GRANT_CALL_ROUTES = routeArea('JCM calls', [
  route({
    method: 'GET',
    path: 'grants/public/calls',
    summary: '公募: open and closed JCM calls with their adopted projects (採択案件一覧), no sign-in',
    auth: 'public',
    response: PublicGrantCallList,
    rpc: { subject: RPC.publicList },
  }),
  route({
    method: 'POST',
    path: 'grants/calls',
    summary: '公募: create a JCM call from a rules preset with overrides, window and budget (GEC, MOE)',
    idempotencyKey: true,
    body: CreateGrantCallCommand,
    response: GrantCallView,
    rpc: { subject: RPC.create },
  }),
  route({
    method: 'GET',
    path: 'grants/calls',
    summary: '公募: JCM calls visible to the caller (drafts to GEC / MOE only)',
    query: ListGrantCallsQuery,
    response: GrantCallPage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'GET',
    path: 'grants/calls/:id',
    summary: '公募: one JCM call with its budget remaining',
    params: IdParam,
    response: GrantCallView,
    rpc: { subject: RPC.get },
  }),
  route({
    method: 'PUT',
    path: 'grants/calls/:id/reviewers',
    summary: '公募: assign the 評価審査 reviewers (secretariat users)',
    body: AssignReviewersCommand,
    response: GrantCallView,
    rpc: { subject: RPC.assignReviewers },
  }),
  route({
    method: 'POST',
    path: 'grants/calls/:id/:action',
    summary: '公募: publish | close',
    status: 200,
    params: IdParam.extend({ action: GrantCallAction }),
    response: GrantCallView,
    rpc: { subject: RPC.transition },
  }),
]);
