import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  AdvanceJcmLeadCommand,
  JcmLeadPage,
  JcmLeadView,
  ListJcmLeadsQuery,
  PARTNERSHIP_RPC,
  RecordJcmLeadCommand,
  RequestContext,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';

/** /api/v1/partnerships/:id/jcm-leads and /api/v1/jcm-leads: JCM projects found through a partnership (出口戦略). */
@Controller()
export class JcmLeadsController {
  constructor(private readonly bus: ServiceBus) {}

  @Post('partnerships/:id/jcm-leads')
  record(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<JcmLeadView> {
    return this.bus.send(PARTNERSHIP_RPC.jcmLead.record, ctx, parseInput(RecordJcmLeadCommand, { ...body, partnershipId: id }), JcmLeadView);
  }

  @Get('partnerships/:id/jcm-leads')
  listForPartnership(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() query: object): Promise<JcmLeadPage> {
    return this.bus.send(PARTNERSHIP_RPC.jcmLead.list, ctx, parseInput(ListJcmLeadsQuery, { ...query, partnershipId: id }, 'query'), JcmLeadPage);
  }

  @Get('jcm-leads')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<JcmLeadPage> {
    return this.bus.send(PARTNERSHIP_RPC.jcmLead.list, ctx, parseInput(ListJcmLeadsQuery, query, 'query'), JcmLeadPage);
  }

  @Post('jcm-leads/:id/advance')
  @HttpCode(200)
  advance(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<JcmLeadView> {
    return this.bus.send(PARTNERSHIP_RPC.jcmLead.advance, ctx, parseInput(AdvanceJcmLeadCommand, { ...body, id }), JcmLeadView);
  }
}
