import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AssignReviewersCommand,
  CreateGrantCallCommand,
  GRANTS_RPC,
  GrantCallTransitionCommand,
  IdParam,
  ListGrantCallsQuery,
} from '@jcm/contracts';
import { handlePublicRpc, handleRpc } from '@jcm/service-kit';
import * as z from 'zod';
import { GrantCallService } from './call.service';

/** NATS entry points of JCM 公募. */
@Controller()
export class GrantCallHandler {
  constructor(private readonly calls: GrantCallService) {}

  @MessagePattern(GRANTS_RPC.call.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateGrantCallCommand, (ctx, cmd) => this.calls.create(ctx, cmd));
  }

  @MessagePattern(GRANTS_RPC.call.transition)
  transition(@Payload() raw: unknown) {
    return handleRpc(raw, GrantCallTransitionCommand, (ctx, cmd) => this.calls.transition(ctx, cmd));
  }

  @MessagePattern(GRANTS_RPC.call.assignReviewers)
  assignReviewers(@Payload() raw: unknown) {
    return handleRpc(raw, AssignReviewersCommand, (ctx, cmd) => this.calls.assignReviewers(ctx, cmd));
  }

  @MessagePattern(GRANTS_RPC.call.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListGrantCallsQuery, (ctx, q) => this.calls.list(ctx, q));
  }

  @MessagePattern(GRANTS_RPC.call.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.calls.get(ctx, q.id));
  }

  @MessagePattern(GRANTS_RPC.call.publicList)
  publicList(@Payload() raw: unknown) {
    return handlePublicRpc(raw, z.object({}), () => this.calls.publicList());
  }
}
