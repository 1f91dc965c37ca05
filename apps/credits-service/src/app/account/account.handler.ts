import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AccountHistoryQuery,
  CREDITS_RPC,
  GetAccountQuery,
  ListAccountsQuery,
  OpenAccountCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { AccountHistoryService } from './account-history.service';
import { AccountService } from './account.service';

/** NATS entry points of 口座 (registry accounts). */
@Controller()
export class AccountHandler {
  constructor(
    private readonly accounts: AccountService,
    private readonly histories: AccountHistoryService,
  ) {}

  @MessagePattern(CREDITS_RPC.account.open)
  open(@Payload() raw: unknown) {
    return handleRpc(raw, OpenAccountCommand, (ctx, cmd) => this.accounts.open(ctx, cmd));
  }

  @MessagePattern(CREDITS_RPC.account.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListAccountsQuery, (ctx, q) => this.accounts.list(ctx, q));
  }

  @MessagePattern(CREDITS_RPC.account.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, GetAccountQuery, (ctx, q) => this.accounts.get(ctx, q.id));
  }

  /** 取引履歴: the account's journal lines, newest first, scoped like `get`. */
  @MessagePattern(CREDITS_RPC.account.listHistory)
  history(@Payload() raw: unknown) {
    return handleRpc(raw, AccountHistoryQuery, (ctx, q) => this.histories.history(ctx, q));
  }
}
