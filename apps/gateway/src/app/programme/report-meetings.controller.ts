import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  HoldReportMeetingCommand,
  IdParam,
  ListReportMeetingsQuery,
  PARTNERSHIP_RPC,
  RecordMeetingMinutesCommand,
  ReportMeetingPage,
  ReportMeetingView,
  RequestContext,
  SubmitMeetingMaterialsCommand,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';

/** /api/v1/report-meetings: 報告会 (materials and minutes by the contractor; confirmation by MOE or the municipality). */
@Controller('report-meetings')
export class ReportMeetingsController {
  constructor(private readonly bus: ServiceBus) {}

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<ReportMeetingPage> {
    return this.bus.send(PARTNERSHIP_RPC.reportMeeting.list, ctx, parseInput(ListReportMeetingsQuery, query, 'query'), ReportMeetingPage);
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ReportMeetingView> {
    return this.bus.send(PARTNERSHIP_RPC.reportMeeting.get, ctx, parseInput(IdParam, { id }, 'path'), ReportMeetingView);
  }

  @Post(':id/materials')
  @HttpCode(200)
  materials(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<ReportMeetingView> {
    return this.bus.send(PARTNERSHIP_RPC.reportMeeting.submitMaterials, ctx, parseInput(SubmitMeetingMaterialsCommand, { ...body, id }), ReportMeetingView);
  }

  @Post(':id/hold')
  @HttpCode(200)
  hold(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<ReportMeetingView> {
    return this.bus.send(PARTNERSHIP_RPC.reportMeeting.hold, ctx, parseInput(HoldReportMeetingCommand, { ...body, id }), ReportMeetingView);
  }

  @Post(':id/minutes')
  @HttpCode(200)
  minutes(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<ReportMeetingView> {
    return this.bus.send(PARTNERSHIP_RPC.reportMeeting.recordMinutes, ctx, parseInput(RecordMeetingMinutesCommand, { ...body, id }), ReportMeetingView);
  }

  @Post(':id/confirm-minutes')
  @HttpCode(200)
  confirm(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ReportMeetingView> {
    return this.bus.send(PARTNERSHIP_RPC.reportMeeting.confirmMinutes, ctx, parseInput(IdParam, { id }, 'path'), ReportMeetingView);
  }

  @Post(':id/request-deliverables')
  @HttpCode(200)
  requestDeliverables(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ReportMeetingView> {
    return this.bus.send(PARTNERSHIP_RPC.reportMeeting.requestDeliverables, ctx, parseInput(IdParam, { id }, 'path'), ReportMeetingView);
  }
}
