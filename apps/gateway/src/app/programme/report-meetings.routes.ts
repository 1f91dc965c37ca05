import {
  HoldReportMeetingCommand,
  IdParam,
  ListReportMeetingsQuery,
  PARTNERSHIP_RPC,
  RecordMeetingMinutesCommand,
  ReportMeetingPage,
  ReportMeetingView,
  SubmitMeetingMaterialsCommand,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

const RPC = PARTNERSHIP_RPC.reportMeeting;

/** /api/v1/report-meetings: 報告会 (materials and minutes by the contractor; confirmation by MOE or the municipality). */
export const REPORT_MEETING_ROUTES = routeArea('ReportMeetings', [
  route({
    method: 'GET',
    path: 'report-meetings',
    summary: '報告会: meetings visible to the caller',
    query: ListReportMeetingsQuery,
    response: ReportMeetingPage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'GET',
    path: 'report-meetings/:id',
    summary: '報告会: one meeting',
    params: IdParam,
    response: ReportMeetingView,
    rpc: { subject: RPC.get },
  }),
  route({
    method: 'POST',
    path: 'report-meetings/:id/materials',
    summary: '報告会: submit the materials (the contractor)',
    status: 200,
    body: SubmitMeetingMaterialsCommand,
    response: ReportMeetingView,
    rpc: { subject: RPC.submitMaterials },
  }),
  route({
    method: 'POST',
    path: 'report-meetings/:id/hold',
    summary: '報告会: record that the meeting was held',
    status: 200,
    body: HoldReportMeetingCommand,
    response: ReportMeetingView,
    rpc: { subject: RPC.hold },
  }),
  route({
    method: 'POST',
    path: 'report-meetings/:id/minutes',
    summary: '報告会: record the minutes (the contractor)',
    status: 200,
    body: RecordMeetingMinutesCommand,
    response: ReportMeetingView,
    rpc: { subject: RPC.recordMinutes },
  }),
  route({
    method: 'POST',
    path: 'report-meetings/:id/confirm-minutes',
    summary: '報告会: confirm the minutes (MOE, the municipality)',
    status: 200,
    params: IdParam,
    response: ReportMeetingView,
    rpc: { subject: RPC.confirmMinutes },
  }),
  route({
    method: 'POST',
    path: 'report-meetings/:id/request-deliverables',
    summary: '報告会: request the deliverables after the meeting',
    status: 200,
    params: IdParam,
    response: ReportMeetingView,
    rpc: { subject: RPC.requestDeliverables },
  }),
]);
