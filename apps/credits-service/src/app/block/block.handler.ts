import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ApplyCorrespondingAdjustmentCommand,
  AuthoriseBlocksCommand,
  CREDITS_RPC,
  ListBlocksQuery,
  TraceSerialQuery,
} from '@jcm/contracts';
import { handlePublicRpc, handleRpc } from '@jcm/service-kit';
import { Article6Service } from './article6.service';
import { BlockTraceService } from './block-trace.service';
import { BlockService } from './block.service';

/** NATS entry point of クレジットブロック (credit blocks). */
@Controller()
export class BlockHandler {
  constructor(
    private readonly blocks: BlockService,
    private readonly article6: Article6Service,
    private readonly traces: BlockTraceService,
  ) {}

  /** Public: a serial number back to its issuance and monitoring report. */
  @MessagePattern(CREDITS_RPC.block.trace)
  trace(@Payload() raw: unknown) {
    return handlePublicRpc(raw, TraceSerialQuery, (q) => this.traces.trace(q));
  }

  @MessagePattern(CREDITS_RPC.block.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListBlocksQuery, (ctx, q) => this.blocks.list(ctx, q));
  }

  /** Article 6 authorisation of a unit range (registry manager). */
  @MessagePattern(CREDITS_RPC.block.authorise)
  authorise(@Payload() raw: unknown) {
    return handleRpc(raw, AuthoriseBlocksCommand, (ctx, cmd) => this.article6.authorise(ctx, cmd));
  }

  /** Corresponding adjustment applied to authorised units (registry manager). */
  @MessagePattern(CREDITS_RPC.block.applyCorrespondingAdjustment)
  correspondingAdjustment(@Payload() raw: unknown) {
    return handleRpc(raw, ApplyCorrespondingAdjustmentCommand, (ctx, cmd) =>
      this.article6.applyCorrespondingAdjustment(ctx, cmd),
    );
  }
}
