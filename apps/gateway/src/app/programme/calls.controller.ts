import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  CallAction,
  CallPage,
  CallView,
  CreateCallCommand,
  IdParam,
  ListCallsQuery,
  PARTNERSHIP_RPC,
  RequestContext,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';

/** /api/v1/calls: 公募, fronting partnership-service. */
@Controller('calls')
export class CallsController {
  constructor(private readonly bus: ServiceBus) {}

  @Post()
  create(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<CallView> {
    return this.bus.send(PARTNERSHIP_RPC.call.create, ctx, parseInput(CreateCallCommand, body), CallView);
  }

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<CallPage> {
    return this.bus.send(PARTNERSHIP_RPC.call.list, ctx, parseInput(ListCallsQuery, query, 'query'), CallPage);
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<CallView> {
    return this.bus.send(PARTNERSHIP_RPC.call.get, ctx, parseInput(IdParam, { id }, 'path'), CallView);
  }

  /** POST /calls/:id/publish | close | review | publish-results */
  @Post(':id/:action')
  @HttpCode(200)
  transition(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('action') action: string): Promise<CallView> {
    const cmd = parseInput(IdParam.extend({ action: CallAction }), { id, action }, 'path');
    return this.bus.send(PARTNERSHIP_RPC.call.transition, ctx, cmd, CallView);
  }
}
