import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateSettlementReportCommand,
  IdParam,
  ListSettlementReportsQuery,
  ReturnSettlementReportCommand,
  RPC,
  UpdateSettlementReportCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { SettlementReportService } from './settlement-report.service';

/** NATS entry points of 精算報告 (settlement reports). */
@Controller()
export class SettlementReportHandler {
  constructor(private readonly reports: SettlementReportService) {}

  @MessagePattern(RPC.programme.settlementReportCreate)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateSettlementReportCommand, (ctx, cmd) => this.reports.create(ctx, cmd));
  }

  @MessagePattern(RPC.programme.settlementReportList)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListSettlementReportsQuery, (ctx, q) => this.reports.list(ctx, q));
  }

  @MessagePattern(RPC.programme.settlementReportGet)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.get(ctx, q.id));
  }

  @MessagePattern(RPC.programme.settlementReportUpdate)
  update(@Payload() raw: unknown) {
    return handleRpc(raw, UpdateSettlementReportCommand, (ctx, cmd) => this.reports.update(ctx, cmd));
  }

  @MessagePattern(RPC.programme.settlementReportSubmit)
  submit(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.submit(ctx, q.id));
  }

  @MessagePattern(RPC.programme.settlementReportAccept)
  accept(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.accept(ctx, q.id));
  }

  @MessagePattern(RPC.programme.settlementReportReturn)
  giveBack(@Payload() raw: unknown) {
    return handleRpc(raw, ReturnSettlementReportCommand, (ctx, cmd) => this.reports.return(ctx, cmd));
  }
}
