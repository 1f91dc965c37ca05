import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ContractTransitionCommand, IdParam, ListContractsQuery, ReduceContractCommand, RPC, UpdateContractCommand } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { AnnualContractService } from './annual-contract.service';

/** NATS entry points of 単年度契約 (annual contracts). */
@Controller()
export class AnnualContractHandler {
  constructor(private readonly contracts: AnnualContractService) {}

  @MessagePattern(RPC.programme.contractList)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListContractsQuery, (ctx, q) => this.contracts.list(ctx, q));
  }

  @MessagePattern(RPC.programme.contractGet)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.contracts.get(ctx, q.id));
  }

  @MessagePattern(RPC.programme.contractUpdate)
  update(@Payload() raw: unknown) {
    return handleRpc(raw, UpdateContractCommand, (ctx, cmd) => this.contracts.update(ctx, cmd));
  }

  @MessagePattern(RPC.programme.contractTransition)
  transition(@Payload() raw: unknown) {
    return handleRpc(raw, ContractTransitionCommand, (ctx, cmd) => this.contracts.transition(ctx, cmd));
  }

  @MessagePattern(RPC.programme.contractReduce)
  reduce(@Payload() raw: unknown) {
    return handleRpc(raw, ReduceContractCommand, (ctx, cmd) => this.contracts.reduce(ctx, cmd));
  }
}
