import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateRetirementCommand, CREDITS_RPC } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { RetirementService } from './retirement.service';

/** NATS entry point of 償却 (retirement). */
@Controller()
export class RetirementHandler {
  constructor(private readonly retirements: RetirementService) {}

  @MessagePattern(CREDITS_RPC.retirement.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateRetirementCommand, (ctx, cmd) => this.retirements.create(ctx, cmd));
  }
}
