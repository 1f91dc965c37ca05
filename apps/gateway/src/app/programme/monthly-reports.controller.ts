import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  IdParam,
  ListMonthlyReportsQuery,
  MonthlyReportPage,
  MonthlyReportView,
  PARTNERSHIP_RPC,
  RequestContext,
  ReturnMonthlyReportCommand,
  UpdateMonthlyReportCommand,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';

/** /api/v1/monthly-reports: 月次報告 (the contractor writes; the municipality or MOE acknowledges or returns). */
@Controller('monthly-reports')
export class MonthlyReportsController {
  constructor(private readonly bus: ServiceBus) {}

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<MonthlyReportPage> {
    return this.bus.send(PARTNERSHIP_RPC.monthlyReport.list, ctx, parseInput(ListMonthlyReportsQuery, query, 'query'), MonthlyReportPage);
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<MonthlyReportView> {
    return this.bus.send(PARTNERSHIP_RPC.monthlyReport.get, ctx, parseInput(IdParam, { id }, 'path'), MonthlyReportView);
  }

  @Patch(':id')
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<MonthlyReportView> {
    return this.bus.send(PARTNERSHIP_RPC.monthlyReport.update, ctx, parseInput(UpdateMonthlyReportCommand, { ...body, id }), MonthlyReportView);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<MonthlyReportView> {
    return this.bus.send(PARTNERSHIP_RPC.monthlyReport.submit, ctx, parseInput(IdParam, { id }, 'path'), MonthlyReportView);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<MonthlyReportView> {
    return this.bus.send(PARTNERSHIP_RPC.monthlyReport.acknowledge, ctx, parseInput(IdParam, { id }, 'path'), MonthlyReportView);
  }

  @Post(':id/return')
  @HttpCode(200)
  giveBack(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<MonthlyReportView> {
    return this.bus.send(PARTNERSHIP_RPC.monthlyReport.return, ctx, parseInput(ReturnMonthlyReportCommand, { ...body, id }), MonthlyReportView);
  }
}
