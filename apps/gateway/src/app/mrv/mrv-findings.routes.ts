import {
  FindingPage,
  FindingView,
  ListFindingsQuery,
  MRV_RPC,
  RaiseFindingCommand,
  ResolveFindingCommand,
  RespondToFindingCommand,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

/** /api/v1/mrv/findings: 指摘事項 (CAR/CL/FAR) of validations and verifications. */
export const MRV_FINDING_ROUTES = routeArea('MrvFindings', [
  route({
    method: 'POST',
    path: 'mrv/findings',
    summary: 'Raise a CAR, CL or FAR (the assigned TPE)',
    idempotencyKey: true,
    body: RaiseFindingCommand,
    response: FindingView,
    rpc: { subject: MRV_RPC.finding.raise },
  }),
  route({
    method: 'GET',
    path: 'mrv/findings',
    summary: 'Findings visible to the caller (by subject)',
    query: ListFindingsQuery,
    response: FindingPage,
    rpc: { subject: MRV_RPC.finding.list },
  }),
  route({
    method: 'POST',
    path: 'mrv/findings/:id/responses',
    summary: 'Respond to a finding (project participants)',
    status: 200,
    body: RespondToFindingCommand,
    response: FindingView,
    rpc: { subject: MRV_RPC.finding.respond },
  }),
  route({
    method: 'POST',
    path: 'mrv/findings/:id/resolution',
    summary: 'Resolve a finding (the TPE that raised it)',
    status: 200,
    body: ResolveFindingCommand,
    response: FindingView,
    rpc: { subject: MRV_RPC.finding.resolve },
  }),
]);
