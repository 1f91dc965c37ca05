import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CREDITS_RPC, PublicSummaryQuery } from '@jcm/contracts';
import { handlePublicRpc } from '@jcm/service-kit';
import { PublicSummaryService } from './public-summary.service';

/** NATS entry point of the public registry view (公開情報): the gateway forwards anonymous visitors without a `ctx`. */
@Controller()
export class PublicSummaryHandler {
  constructor(private readonly summaries: PublicSummaryService) {}

  @MessagePattern(CREDITS_RPC.publicSummary.get)
  summary(@Payload() raw: unknown) {
    return handlePublicRpc(raw, PublicSummaryQuery, () => this.summaries.summary());
  }
}
