import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateProposalCommand,
  IdParam,
  ListProposalsQuery,
  RejectProposalCommand,
  RPC,
  ScoreProposalCommand,
  SelectProposalCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { ProposalService } from './proposal.service';

/** NATS entry points of 企画書 (proposals), 採点 and 採択. */
@Controller()
export class ProposalHandler {
  constructor(private readonly proposals: ProposalService) {}

  @MessagePattern(RPC.programme.proposalCreate)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateProposalCommand, (ctx, cmd) => this.proposals.create(ctx, cmd));
  }

  @MessagePattern(RPC.programme.proposalList)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListProposalsQuery, (ctx, q) => this.proposals.list(ctx, q));
  }

  @MessagePattern(RPC.programme.proposalGet)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.proposals.get(ctx, q.id));
  }

  @MessagePattern(RPC.programme.proposalSubmit)
  submit(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.proposals.submit(ctx, q.id));
  }

  @MessagePattern(RPC.programme.proposalWithdraw)
  withdraw(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.proposals.withdraw(ctx, q.id));
  }

  @MessagePattern(RPC.programme.proposalScore)
  score(@Payload() raw: unknown) {
    return handleRpc(raw, ScoreProposalCommand, (ctx, cmd) => this.proposals.score(ctx, cmd));
  }

  @MessagePattern(RPC.programme.proposalSelect)
  select(@Payload() raw: unknown) {
    return handleRpc(raw, SelectProposalCommand, (ctx, cmd) => this.proposals.select(ctx, cmd));
  }

  @MessagePattern(RPC.programme.proposalReject)
  reject(@Payload() raw: unknown) {
    return handleRpc(raw, RejectProposalCommand, (ctx, cmd) => this.proposals.reject(ctx, cmd));
  }
}
