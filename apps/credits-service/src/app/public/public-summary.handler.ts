import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import { CREDITS_RPC, DomainError, PublicSummary, PublicSummaryQuery, RequestContext, RpcReply } from '@jcm/contracts';
import { toDomainError } from '@jcm/service-kit';
import { PublicSummaryService } from './public-summary.service';

/** The public view needs no caller: the gateway may forward anonymous visitors with `ctx` left out. */
const PublicEnvelope = z.object({ ctx: RequestContext.optional(), data: PublicSummaryQuery.optional() });

/** NATS entry point of the public registry view (公開情報). */
@Controller()
export class PublicSummaryHandler {
  constructor(private readonly summaries: PublicSummaryService) {}

  @MessagePattern(CREDITS_RPC.publicSummary.get)
  async summary(@Payload() raw: unknown): Promise<RpcReply<PublicSummary>> {
    try {
      const envelope = PublicEnvelope.safeParse(raw ?? {});
      if (!envelope.success) throw DomainError.validation(envelope.error, 'request envelope');
      return { ok: true, data: await this.summaries.summary() };
    } catch (err) {
      return { ok: false, error: toDomainError(err).toRpcError() };
    }
  }
}
