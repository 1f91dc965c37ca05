import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallTransitionCommand,
  CreateCallCommand,
  IdParam,
  ListCallsQuery,
  PARTNERSHIP_RPC,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { CallService } from './call.service';

/** NATS entry points of 公募 (call rounds). */
@Controller()
export class CallHandler {
  constructor(private readonly calls: CallService) {}

  @MessagePattern(PARTNERSHIP_RPC.call.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateCallCommand, (ctx, cmd) => this.calls.create(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.call.transition)
  transition(@Payload() raw: unknown) {
    return handleRpc(raw, CallTransitionCommand, (ctx, cmd) => this.calls.transition(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.call.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListCallsQuery, (ctx, q) => this.calls.list(ctx, q));
  }

  @MessagePattern(PARTNERSHIP_RPC.call.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.calls.get(ctx, q.id));
  }
}
