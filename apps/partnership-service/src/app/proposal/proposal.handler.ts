import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateProposalCommand,
  IdParam,
  ListProposalsQuery,
  PARTNERSHIP_RPC,
  RejectProposalCommand,
  ScoreProposalCommand,
  SelectProposalCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { ProposalService } from './proposal.service';

/** NATS entry points of 企画書 (proposals), 採点 and 採択. */
@Controller()
export class ProposalHandler {
  constructor(private readonly proposals: ProposalService) {}

  @MessagePattern(PARTNERSHIP_RPC.proposal.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateProposalCommand, (ctx, cmd) => this.proposals.create(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.proposal.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListProposalsQuery, (ctx, q) => this.proposals.list(ctx, q));
  }

  @MessagePattern(PARTNERSHIP_RPC.proposal.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.proposals.get(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.proposal.submit)
  submit(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.proposals.submit(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.proposal.withdraw)
  withdraw(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.proposals.withdraw(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.proposal.score)
  score(@Payload() raw: unknown) {
    return handleRpc(raw, ScoreProposalCommand, (ctx, cmd) => this.proposals.score(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.proposal.select)
  select(@Payload() raw: unknown) {
    return handleRpc(raw, SelectProposalCommand, (ctx, cmd) => this.proposals.select(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.proposal.reject)
  reject(@Payload() raw: unknown) {
    return handleRpc(raw, RejectProposalCommand, (ctx, cmd) => this.proposals.reject(ctx, cmd));
  }
}
