import {
  AdoptApplicationCommand,
  ApplicationCheck,
  ApplicationPage,
  ApplicationReviewView,
  ApplicationSaved,
  ApplicationVersionList,
  ApplicationView,
  CreateApplicationCommand,
  DelegateApplicationCommand,
  GRANTS_RPC,
  IdParam,
  ListApplicationsQuery,
  RejectApplicationCommand,
  ReturnApplicationCommand,
  SaveApplicationCommand,
  ScoreApplicationCommand,
  ScreenApplicationCommand,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';
import { sendWithAttachments } from './grant-attachments';

const RPC = GRANTS_RPC.application;
const read = (
  path: string,
  summary: string,
  subject: string,
  response:
    | typeof ApplicationView
    | typeof ApplicationCheck
    | typeof ApplicationVersionList
    | typeof ApplicationReviewView,
) => route({ method: 'GET', path, summary, params: IdParam, response, rpc: { subject } });

/** /api/v1/grants/applications: JCM 申請 (実施計画書 as data) and its review, fronting grants-service. */
export const GRANT_APPLICATION_ROUTES = routeArea('JCM applications', [
  route({
    method: 'POST',
    path: 'grants/applications',
    summary: '申請: start a draft under a published call (a consortium member); answers the live findings',
    idempotencyKey: true,
    body: CreateApplicationCommand,
    response: ApplicationSaved,
    handle: (cmd, { ctx, services }) => sendWithAttachments(services, ctx, RPC.create, cmd, 'content.'),
  }),
  route({
    method: 'GET',
    path: 'grants/applications',
    summary:
      '申請: applications visible to the caller (review queue: filter by call, state, country, technology)',
    query: ListApplicationsQuery,
    response: ApplicationPage,
    rpc: { subject: RPC.list },
  }),
  read('grants/applications/:id', '申請: one application', RPC.get, ApplicationView),
  read(
    'grants/applications/:id/findings',
    '申請: live findings (V-* and R-*, cited, ja/en, with field paths) and computed figures',
    RPC.check,
    ApplicationCheck,
  ),
  read(
    'grants/applications/:id/versions',
    '申請: saved versions with changed fields and who acted for whom',
    RPC.versions,
    ApplicationVersionList,
  ),
  read(
    'grants/applications/:id/review',
    '審査: screening, score sheets and average (GEC / MOE); returns with diffs (all participants)',
    RPC.review,
    ApplicationReviewView,
  ),
  route({
    method: 'PATCH',
    path: 'grants/applications/:id',
    summary:
      '申請: autosave — JSON merge patch on the stored version `baseVersion`; answers the live findings',
    body: SaveApplicationCommand,
    response: ApplicationSaved,
    handle: (cmd, { ctx, services }) => sendWithAttachments(services, ctx, RPC.save, cmd, 'patch.'),
  }),
  route({
    method: 'POST',
    path: 'grants/applications/:id/consortium/accept',
    summary: '申請: the caller’s organisation confirms (accepts) its consortium participation',
    status: 200,
    params: IdParam,
    response: ApplicationView,
    rpc: { subject: RPC.confirm },
  }),
  route({
    method: 'POST',
    path: 'grants/applications/:id/delegations',
    summary: '代理申請: the representative delegates filing until a date',
    status: 200,
    body: DelegateApplicationCommand,
    response: ApplicationView,
    rpc: { subject: RPC.delegate },
  }),
  route({
    method: 'POST',
    path: 'grants/applications/:id/submit',
    summary: '申請: submit or resubmit inside the call window, without error findings',
    status: 200,
    idempotencyKey: true,
    params: IdParam,
    response: ApplicationView,
    rpc: { subject: RPC.submit },
  }),
  route({
    method: 'PUT',
    path: 'grants/applications/:id/screening',
    summary: '基礎審査: the 14 items pass/fail with notes (GEC)',
    body: ScreenApplicationCommand,
    response: ApplicationReviewView,
    rpc: { subject: RPC.screen },
  }),
  route({
    method: 'PUT',
    path: 'grants/applications/:id/score',
    summary: '評価審査: the caller’s score sheet (a reviewer assigned to the call)',
    idempotencyKey: true,
    body: ScoreApplicationCommand,
    response: ApplicationReviewView,
    rpc: { subject: RPC.score },
  }),
  route({
    method: 'POST',
    path: 'grants/applications/:id/return',
    summary: '差戻し: return with comments per section (GEC)',
    status: 200,
    body: ReturnApplicationCommand,
    response: ApplicationView,
    rpc: { subject: RPC.return },
  }),
  route({
    method: 'POST',
    path: 'grants/applications/:id/adopt',
    summary: '採択 / 交付内示: rates per technology and max subsidy, from the call budget (GEC / MOE)',
    status: 200,
    idempotencyKey: true,
    body: AdoptApplicationCommand,
    response: ApplicationView,
    rpc: { subject: RPC.adopt },
  }),
  route({
    method: 'POST',
    path: 'grants/applications/:id/reject',
    summary: '不採択 with a reason (GEC / MOE)',
    status: 200,
    body: RejectApplicationCommand,
    response: ApplicationView,
    rpc: { subject: RPC.reject },
  }),
]);
