import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  DeliverablePage,
  DeliverableView,
  IdParam,
  ListDeliverablesQuery,
  PARTNERSHIP_RPC,
  RequestContext,
  ReturnDeliverableCommand,
  SubmitDeliverableCommand,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';

/** /api/v1/deliverables: the 成果物 checklist (the contractor submits; MOE or the secretariat accept or return). */
@Controller('deliverables')
export class DeliverablesController {
  constructor(private readonly bus: ServiceBus) {}

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<DeliverablePage> {
    return this.bus.send(PARTNERSHIP_RPC.deliverable.list, ctx, parseInput(ListDeliverablesQuery, query, 'query'), DeliverablePage);
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<DeliverableView> {
    return this.bus.send(PARTNERSHIP_RPC.deliverable.get, ctx, parseInput(IdParam, { id }, 'path'), DeliverableView);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<DeliverableView> {
    return this.bus.send(PARTNERSHIP_RPC.deliverable.submit, ctx, parseInput(SubmitDeliverableCommand, { ...body, id }), DeliverableView);
  }

  @Post(':id/accept')
  @HttpCode(200)
  accept(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<DeliverableView> {
    return this.bus.send(PARTNERSHIP_RPC.deliverable.accept, ctx, parseInput(IdParam, { id }, 'path'), DeliverableView);
  }

  @Post(':id/return')
  @HttpCode(200)
  giveBack(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<DeliverableView> {
    return this.bus.send(PARTNERSHIP_RPC.deliverable.return, ctx, parseInput(ReturnDeliverableCommand, { ...body, id }), DeliverableView);
  }
}
