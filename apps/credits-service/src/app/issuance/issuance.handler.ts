import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateIssuanceCommand, CREDITS_RPC } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { IssuanceService } from './issuance.service';

/** NATS entry point of 発行 (issuance). */
@Controller()
export class IssuanceHandler {
  constructor(private readonly issuances: IssuanceService) {}

  @MessagePattern(CREDITS_RPC.issuance.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateIssuanceCommand, (ctx, cmd) => this.issuances.create(ctx, cmd));
  }
}
