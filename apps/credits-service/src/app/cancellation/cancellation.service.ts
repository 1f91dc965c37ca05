import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CreateCancellationCommand, CREDITS_EVENTS, MovementView, RequestContext } from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE } from '@jcm/service-kit';
import { executeMovement } from '../ledger/credit-movement';
import { runOnce } from '../ledger/idempotency';

/** 取消 (voluntary cancellation): credits go to the registry's CANCELLATION account and never move again. */
@Injectable()
export class CancellationService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async create(ctx: RequestContext, cmd: CreateCancellationCommand): Promise<MovementView> {
    return runOnce(this.ds, ctx, 'cancellation.create', cmd, async (m) => {
      const moved = await executeMovement(m, ctx, {
        kind: 'CANCELLATION',
        fromAccountId: cmd.fromAccountId,
        target: { registryAccountType: 'CANCELLATION' },
        quantity: BigInt(cmd.quantity),
        expectedFromVersion: cmd.expectedFromVersion,
        meta: { reason: cmd.reason },
      });
      const view: MovementView = { ...moved, retirement: null, cancellationReason: cmd.reason };
      await appendToOutbox(m, 'credits', CREDITS_EVENTS.cancellation.completed, view, ctx, {
        aggregateId: view.id,
      });
      return view;
    });
  }
}
