import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ConfirmPendingIssuanceCommand,
  CreateIssuanceCommand,
  CREDITS_RPC,
  ListPendingIssuancesQuery,
  RejectPendingIssuanceCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { IssuanceService } from './issuance.service';
import { PendingIssuanceService } from './pending-issuance.service';

/** NATS entry point of 発行 (issuance). */
@Controller()
export class IssuanceHandler {
  constructor(
    private readonly issuances: IssuanceService,
    private readonly pending: PendingIssuanceService,
  ) {}

  @MessagePattern(CREDITS_RPC.issuance.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateIssuanceCommand, (ctx, cmd) => this.issuances.create(ctx, cmd));
  }

  /** 発行待ち prepared from verified monitoring reports (registry manager, oversight). */
  @MessagePattern(CREDITS_RPC.issuance.listPending)
  listPending(@Payload() raw: unknown) {
    return handleRpc(raw, ListPendingIssuancesQuery, (ctx, q) => this.pending.list(ctx, q));
  }

  @MessagePattern(CREDITS_RPC.issuance.confirm)
  confirm(@Payload() raw: unknown) {
    return handleRpc(raw, ConfirmPendingIssuanceCommand, (ctx, cmd) => this.pending.confirm(ctx, cmd));
  }

  @MessagePattern(CREDITS_RPC.issuance.reject)
  reject(@Payload() raw: unknown) {
    return handleRpc(raw, RejectPendingIssuanceCommand, (ctx, cmd) => this.pending.reject(ctx, cmd));
  }
}
