import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  CreateSettlementReportCommand,
  DeliverablePage,
  ListDeliverablesQuery,
  ListReportMeetingsQuery,
  ListSettlementReportsQuery,
  PARTNERSHIP_RPC,
  ReportMeetingPage,
  ReportMeetingView,
  RequestContext,
  ScheduleReportMeetingCommand,
  SettlementReportPage,
  SettlementReportView,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';

/**
 * /api/v1/contracts/:id/report-meetings | settlement-reports | deliverables: a contract's 報告会, 精算報告 and 成果物.
 * Registered before ContractsController, whose `POST :id/:action` would otherwise take these POSTs.
 */
@Controller('contracts')
export class ContractRecordsController {
  constructor(private readonly bus: ServiceBus) {}

  @Get(':id/report-meetings')
  meetings(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() query: object): Promise<ReportMeetingPage> {
    const q = parseInput(ListReportMeetingsQuery, { ...query, contractId: id }, 'query');
    return this.bus.send(PARTNERSHIP_RPC.reportMeeting.list, ctx, q, ReportMeetingPage);
  }

  @Post(':id/report-meetings')
  schedule(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<ReportMeetingView> {
    return this.bus.send(PARTNERSHIP_RPC.reportMeeting.schedule, ctx, parseInput(ScheduleReportMeetingCommand, { ...body, contractId: id }), ReportMeetingView);
  }

  @Get(':id/settlement-reports')
  settlements(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() query: object): Promise<SettlementReportPage> {
    const q = parseInput(ListSettlementReportsQuery, { ...query, contractId: id }, 'query');
    return this.bus.send(PARTNERSHIP_RPC.settlementReport.list, ctx, q, SettlementReportPage);
  }

  @Post(':id/settlement-reports')
  draftSettlement(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<SettlementReportView> {
    return this.bus.send(PARTNERSHIP_RPC.settlementReport.create, ctx, parseInput(CreateSettlementReportCommand, { ...body, contractId: id }), SettlementReportView);
  }

  @Get(':id/deliverables')
  deliverables(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() query: object): Promise<DeliverablePage> {
    const q = parseInput(ListDeliverablesQuery, { ...query, contractId: id }, 'query');
    return this.bus.send(PARTNERSHIP_RPC.deliverable.list, ctx, q, DeliverablePage);
  }
}
