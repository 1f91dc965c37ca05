import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import { CreateRegistryCommand, CREDITS_RPC } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { RegistryService } from './registry.service';

/** NATS entry points of 登録簿 (registries). */
@Controller()
export class RegistryHandler {
  constructor(private readonly registries: RegistryService) {}

  @MessagePattern(CREDITS_RPC.registry.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateRegistryCommand, (ctx, cmd) => this.registries.create(ctx, cmd));
  }

  @MessagePattern(CREDITS_RPC.registry.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, z.object({}), (ctx) => this.registries.list(ctx));
  }
}
