import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CreateRetirementCommand, CREDITS_EVENTS, MovementView, RequestContext } from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE } from '@jcm/service-kit';
import { executeMovement } from '../ledger/credit-movement';
import { runOnce } from '../ledger/idempotency';

/**
 * 償却 (Retirement): credits move to the registry's RETIREMENT account as RETIRED blocks, which the database
 * refuses to move or change again; purpose and beneficiary are recorded and hashed into the journal entry.
 */
@Injectable()
export class RetirementService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async create(ctx: RequestContext, cmd: CreateRetirementCommand): Promise<MovementView> {
    return runOnce(this.ds, ctx, 'retirement.create', cmd, async (m) => {
      const retirement = { purpose: cmd.purpose, beneficiary: cmd.beneficiary, note: cmd.note ?? null };
      const moved = await executeMovement(m, ctx, {
        kind: 'RETIREMENT',
        fromAccountId: cmd.fromAccountId,
        target: { registryAccountType: 'RETIREMENT' },
        quantity: BigInt(cmd.quantity),
        expectedFromVersion: cmd.expectedFromVersion,
        meta: retirement,
      });
      await m.query(
        `INSERT INTO credits.retirement (id, account_id, quantity, purpose, beneficiary, note, participant_org_ids, created_by)
         SELECT $1, a.id, $3, $4, $5, $6, a.participant_org_ids, $7 FROM credits.account a WHERE a.id = $2`,
        [
          moved.id,
          cmd.fromAccountId,
          moved.quantity,
          cmd.purpose,
          cmd.beneficiary,
          retirement.note,
          ctx.userId,
        ],
      );
      const view: MovementView = { ...moved, retirement, cancellationReason: null };
      await appendToOutbox(m, 'credits', CREDITS_EVENTS.retirement.completed, view, ctx, {
        aggregateId: view.id,
      });
      return view;
    });
  }
}
