import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CREDITS_RPC, TargetProgressQuery } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { ProgressService } from './progress.service';

/** NATS entry point of progress towards the JCM targets (MOE, secretariat). */
@Controller()
export class ProgressHandler {
  constructor(private readonly progress: ProgressService) {}

  @MessagePattern(CREDITS_RPC.targetProgress.get)
  targets(@Payload() raw: unknown) {
    return handleRpc(raw, TargetProgressQuery, (ctx) => this.progress.targets(ctx));
  }
}
