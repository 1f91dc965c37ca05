import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ContractTransitionCommand,
  IdParam,
  ListContractsQuery,
  PARTNERSHIP_RPC,
  ReduceContractCommand,
  UpdateContractCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { AnnualContractService } from './annual-contract.service';

/** NATS entry points of 単年度契約 (annual contracts). */
@Controller()
export class AnnualContractHandler {
  constructor(private readonly contracts: AnnualContractService) {}

  @MessagePattern(PARTNERSHIP_RPC.annualContract.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListContractsQuery, (ctx, q) => this.contracts.list(ctx, q));
  }

  @MessagePattern(PARTNERSHIP_RPC.annualContract.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.contracts.get(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.annualContract.update)
  update(@Payload() raw: unknown) {
    return handleRpc(raw, UpdateContractCommand, (ctx, cmd) => this.contracts.update(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.annualContract.transition)
  transition(@Payload() raw: unknown) {
    return handleRpc(raw, ContractTransitionCommand, (ctx, cmd) => this.contracts.transition(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.annualContract.reduce)
  reduce(@Payload() raw: unknown) {
    return handleRpc(raw, ReduceContractCommand, (ctx, cmd) => this.contracts.reduce(ctx, cmd));
  }
}
