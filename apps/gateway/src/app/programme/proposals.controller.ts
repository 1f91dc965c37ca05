import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  AnnualContractView,
  CreateProposalCommand,
  CreateProposalRequest,
  IdParam,
  ListProposalsQuery,
  PARTNERSHIP_RPC,
  ProposalPage,
  ProposalView,
  RejectProposalCommand,
  RequestContext,
  ScoreProposalCommand,
  SelectProposalCommand,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';
import { IdentityRepository } from '../identity/identity.repository';
import { partyOf } from './programme-parties';

/** /api/v1/proposals: 企画書, 採点, 採択 (selection answers with the new 単年度契約). */
@Controller('proposals')
export class ProposalsController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly identity: IdentityRepository,
  ) {}

  @Post()
  async create(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<ProposalView> {
    const req = parseInput(CreateProposalRequest, body);
    const cmd: CreateProposalCommand = {
      request: req,
      company: await partyOf(this.identity, ctx.orgId, 'company'),
      municipality: req.municipalityOrgId ? await partyOf(this.identity, req.municipalityOrgId, 'municipalityOrgId', 'MUNICIPALITY') : null,
      partnerCity: req.partnerCityOrgId ? await partyOf(this.identity, req.partnerCityOrgId, 'partnerCityOrgId', 'PARTNER_CITY') : null,
      otherMembers: await Promise.all(req.otherMemberOrgIds.map((id, i) => partyOf(this.identity, id, `otherMemberOrgIds.${i}`))),
    };
    return this.bus.send(PARTNERSHIP_RPC.proposal.create, ctx, cmd, ProposalView);
  }

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<ProposalPage> {
    return this.bus.send(PARTNERSHIP_RPC.proposal.list, ctx, parseInput(ListProposalsQuery, query, 'query'), ProposalPage);
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ProposalView> {
    return this.bus.send(PARTNERSHIP_RPC.proposal.get, ctx, parseInput(IdParam, { id }, 'path'), ProposalView);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ProposalView> {
    return this.bus.send(PARTNERSHIP_RPC.proposal.submit, ctx, parseInput(IdParam, { id }, 'path'), ProposalView);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ProposalView> {
    return this.bus.send(PARTNERSHIP_RPC.proposal.withdraw, ctx, parseInput(IdParam, { id }, 'path'), ProposalView);
  }

  @Post(':id/score')
  @HttpCode(200)
  score(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<ProposalView> {
    return this.bus.send(PARTNERSHIP_RPC.proposal.score, ctx, parseInput(ScoreProposalCommand, { ...body, id }), ProposalView);
  }

  /** 採択: 201 with the year's contract; repeating it returns the same contract. */
  @Post(':id/select')
  select(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<AnnualContractView> {
    return this.bus.send(PARTNERSHIP_RPC.proposal.select, ctx, parseInput(SelectProposalCommand, { ...body, id }), AnnualContractView);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<ProposalView> {
    return this.bus.send(PARTNERSHIP_RPC.proposal.reject, ctx, parseInput(RejectProposalCommand, { ...body, id }), ProposalView);
  }
}
