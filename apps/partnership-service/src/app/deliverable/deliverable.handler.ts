import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdParam, ListDeliverablesQuery, ReturnDeliverableCommand, RPC, SubmitDeliverableCommand } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { DeliverableService } from './deliverable.service';

/** NATS entry points of the 成果物 checklist. */
@Controller()
export class DeliverableHandler {
  constructor(private readonly deliverables: DeliverableService) {}

  @MessagePattern(RPC.programme.deliverableList)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListDeliverablesQuery, (ctx, q) => this.deliverables.list(ctx, q));
  }

  @MessagePattern(RPC.programme.deliverableGet)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.deliverables.get(ctx, q.id));
  }

  @MessagePattern(RPC.programme.deliverableSubmit)
  submit(@Payload() raw: unknown) {
    return handleRpc(raw, SubmitDeliverableCommand, (ctx, cmd) => this.deliverables.submit(ctx, cmd));
  }

  @MessagePattern(RPC.programme.deliverableAccept)
  accept(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.deliverables.accept(ctx, q.id));
  }

  @MessagePattern(RPC.programme.deliverableReturn)
  giveBack(@Payload() raw: unknown) {
    return handleRpc(raw, ReturnDeliverableCommand, (ctx, cmd) => this.deliverables.return(ctx, cmd));
  }
}
