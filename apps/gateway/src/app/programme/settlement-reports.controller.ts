import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  IdParam,
  ListSettlementReportsQuery,
  PARTNERSHIP_RPC,
  RequestContext,
  ReturnSettlementReportCommand,
  SettlementReportPage,
  SettlementReportView,
  UpdateSettlementReportCommand,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';

/** /api/v1/settlement-reports: 精算報告 (the contractor reports; MOE or the secretariat inspect, accept or return). */
@Controller('settlement-reports')
export class SettlementReportsController {
  constructor(private readonly bus: ServiceBus) {}

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<SettlementReportPage> {
    return this.bus.send(PARTNERSHIP_RPC.settlementReport.list, ctx, parseInput(ListSettlementReportsQuery, query, 'query'), SettlementReportPage);
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<SettlementReportView> {
    return this.bus.send(PARTNERSHIP_RPC.settlementReport.get, ctx, parseInput(IdParam, { id }, 'path'), SettlementReportView);
  }

  @Patch(':id')
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<SettlementReportView> {
    return this.bus.send(PARTNERSHIP_RPC.settlementReport.update, ctx, parseInput(UpdateSettlementReportCommand, { ...body, id }), SettlementReportView);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<SettlementReportView> {
    return this.bus.send(PARTNERSHIP_RPC.settlementReport.submit, ctx, parseInput(IdParam, { id }, 'path'), SettlementReportView);
  }

  @Post(':id/accept')
  @HttpCode(200)
  accept(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<SettlementReportView> {
    return this.bus.send(PARTNERSHIP_RPC.settlementReport.accept, ctx, parseInput(IdParam, { id }, 'path'), SettlementReportView);
  }

  @Post(':id/return')
  @HttpCode(200)
  giveBack(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<SettlementReportView> {
    return this.bus.send(PARTNERSHIP_RPC.settlementReport.return, ctx, parseInput(ReturnSettlementReportCommand, { ...body, id }), SettlementReportView);
  }
}
