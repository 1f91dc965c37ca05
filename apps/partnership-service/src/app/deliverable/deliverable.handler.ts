import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IdParam,
  ListDeliverablesQuery,
  PARTNERSHIP_RPC,
  ReturnDeliverableCommand,
  SubmitDeliverableCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { DeliverableService } from './deliverable.service';

/** NATS entry points of the 成果物 checklist. */
@Controller()
export class DeliverableHandler {
  constructor(private readonly deliverables: DeliverableService) {}

  @MessagePattern(PARTNERSHIP_RPC.deliverable.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListDeliverablesQuery, (ctx, q) => this.deliverables.list(ctx, q));
  }

  @MessagePattern(PARTNERSHIP_RPC.deliverable.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.deliverables.get(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.deliverable.submit)
  submit(@Payload() raw: unknown) {
    return handleRpc(raw, SubmitDeliverableCommand, (ctx, cmd) => this.deliverables.submit(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.deliverable.accept)
  accept(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.deliverables.accept(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.deliverable.return)
  giveBack(@Payload() raw: unknown) {
    return handleRpc(raw, ReturnDeliverableCommand, (ctx, cmd) => this.deliverables.return(ctx, cmd));
  }
}
