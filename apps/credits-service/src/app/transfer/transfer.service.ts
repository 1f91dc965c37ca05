import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CreateTransferCommand, CREDITS_EVENTS, MovementView, RequestContext } from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE } from '@jcm/service-kit';
import { executeMovement } from '../ledger/credit-movement';
import { runOnce } from '../ledger/idempotency';

/** 移転: credits from one holding account to another in the same registry. */
@Injectable()
export class TransferService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async create(ctx: RequestContext, cmd: CreateTransferCommand): Promise<MovementView> {
    return runOnce(this.ds, ctx, 'transfer.create', cmd, async (m) => {
      const moved = await executeMovement(m, ctx, {
        kind: 'TRANSFER',
        fromAccountId: cmd.fromAccountId,
        target: { accountNumber: cmd.toAccountNumber },
        quantity: BigInt(cmd.quantity),
        expectedFromVersion: cmd.expectedFromVersion,
        meta: {},
      });
      const view: MovementView = { ...moved, retirement: null, cancellationReason: null };
      await appendToOutbox(m, 'credits', CREDITS_EVENTS.transfer.completed, view, ctx, {
        aggregateId: view.id,
      });
      return view;
    });
  }
}
