import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  AnnualContractPage,
  AnnualContractView,
  ContractAction,
  IdParam,
  ListContractsQuery,
  ListMonthlyReportsQuery,
  MonthlyReportPage,
  PARTNERSHIP_RPC,
  ReduceContractCommand,
  RequestContext,
  UpdateContractCommand,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';

/** /api/v1/contracts: 単年度契約, its amount changes (減額・中止) and its 月次報告. */
@Controller('contracts')
export class ContractsController {
  constructor(private readonly bus: ServiceBus) {}

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<AnnualContractPage> {
    return this.bus.send(PARTNERSHIP_RPC.annualContract.list, ctx, parseInput(ListContractsQuery, query, 'query'), AnnualContractPage);
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<AnnualContractView> {
    return this.bus.send(PARTNERSHIP_RPC.annualContract.get, ctx, parseInput(IdParam, { id }, 'path'), AnnualContractView);
  }

  /** During negotiation (精査): budget lines and the contract amount. */
  @Patch(':id')
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<AnnualContractView> {
    return this.bus.send(PARTNERSHIP_RPC.annualContract.update, ctx, parseInput(UpdateContractCommand, { ...body, id }), AnnualContractView);
  }

  @Get(':id/monthly-reports')
  monthlyReports(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() query: object): Promise<MonthlyReportPage> {
    const q = parseInput(ListMonthlyReportsQuery, { ...query, contractId: id }, 'query');
    return this.bus.send(PARTNERSHIP_RPC.monthlyReport.list, ctx, q, MonthlyReportPage);
  }

  /** 減額: send an Idempotency-Key so a retried request is applied once. */
  @Post(':id/reduce')
  @HttpCode(200)
  reduce(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<AnnualContractView> {
    return this.bus.send(PARTNERSHIP_RPC.annualContract.reduce, ctx, parseInput(ReduceContractCommand, { ...body, id }), AnnualContractView);
  }

  /** POST /contracts/:id/sign | report-kickoff | start-work | report-interim | report-final | submit-deliverables | settle | close | suspend */
  @Post(':id/:action')
  @HttpCode(200)
  transition(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('action') action: string, @Body() body: object): Promise<AnnualContractView> {
    const cmd = parseInput(IdParam.extend({ action: ContractAction, note: UpdateNote }), { ...body, id, action });
    return this.bus.send(PARTNERSHIP_RPC.annualContract.transition, ctx, cmd, AnnualContractView);
  }
}

const UpdateNote = ReduceContractCommand.shape.note.optional();
