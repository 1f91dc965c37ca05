import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateCancellationCommand, CREDITS_RPC } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { CancellationService } from './cancellation.service';

/** NATS entry point of 取消 (cancellation). */
@Controller()
export class CancellationHandler {
  constructor(private readonly cancellations: CancellationService) {}

  @MessagePattern(CREDITS_RPC.cancellation.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateCancellationCommand, (ctx, cmd) => this.cancellations.create(ctx, cmd));
  }
}
