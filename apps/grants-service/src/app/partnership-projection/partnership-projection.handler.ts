import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import { GRANTS_RPC } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { PartnershipProjectionService } from './partnership-projection.service';

@Controller()
export class PartnershipProjectionHandler {
  constructor(private readonly projection: PartnershipProjectionService) {}

  @MessagePattern(GRANTS_RPC.partnershipProjection.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, z.object({}), (ctx) => this.projection.list(ctx));
  }
}
