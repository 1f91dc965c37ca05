import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { CREDITS_RPC, DomainError, LedgerVerifyQuery } from '@jcm/contracts';
import { DATA_SOURCE, handleRpc } from '@jcm/service-kit';
import { verifyLedger } from './ledger-verifier';

/** NATS entry point of 台帳検証 for the oversight organisations (the CLI does the same from a shell). */
@Controller()
export class LedgerHandler {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  @MessagePattern(CREDITS_RPC.ledger.verify)
  verify(@Payload() raw: unknown) {
    return handleRpc(raw, LedgerVerifyQuery, async (ctx) => {
      if (ctx.orgType !== 'MOE' && ctx.orgType !== 'SECRETARIAT') {
        throw new DomainError('FORBIDDEN', 'Ledger verification is for MOE and the secretariat.');
      }
      return verifyLedger(this.ds);
    });
  }
}
