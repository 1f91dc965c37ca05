import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CREDITS_RPC, ListBlocksQuery } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { BlockService } from './block.service';

/** NATS entry point of クレジットブロック (credit blocks). */
@Controller()
export class BlockHandler {
  constructor(private readonly blocks: BlockService) {}

  @MessagePattern(CREDITS_RPC.block.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListBlocksQuery, (ctx, q) => this.blocks.list(ctx, q));
  }
}
