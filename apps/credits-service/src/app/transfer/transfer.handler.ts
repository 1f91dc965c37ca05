import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateTransferCommand, CREDITS_RPC } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { TransferService } from './transfer.service';

/** NATS entry point of 移転 (transfer). */
@Controller()
export class TransferHandler {
  constructor(private readonly transfers: TransferService) {}

  @MessagePattern(CREDITS_RPC.transfer.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateTransferCommand, (ctx, cmd) => this.transfers.create(ctx, cmd));
  }
}
