import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateSettlementReportCommand,
  IdParam,
  ListSettlementReportsQuery,
  PARTNERSHIP_RPC,
  ReturnSettlementReportCommand,
  UpdateSettlementReportCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { SettlementReportService } from './settlement-report.service';

/** NATS entry points of 精算報告 (settlement reports). */
@Controller()
export class SettlementReportHandler {
  constructor(private readonly reports: SettlementReportService) {}

  @MessagePattern(PARTNERSHIP_RPC.settlementReport.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateSettlementReportCommand, (ctx, cmd) => this.reports.create(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.settlementReport.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListSettlementReportsQuery, (ctx, q) => this.reports.list(ctx, q));
  }

  @MessagePattern(PARTNERSHIP_RPC.settlementReport.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.get(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.settlementReport.update)
  update(@Payload() raw: unknown) {
    return handleRpc(raw, UpdateSettlementReportCommand, (ctx, cmd) => this.reports.update(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.settlementReport.submit)
  submit(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.submit(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.settlementReport.accept)
  accept(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.accept(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.settlementReport.return)
  giveBack(@Payload() raw: unknown) {
    return handleRpc(raw, ReturnSettlementReportCommand, (ctx, cmd) => this.reports.return(ctx, cmd));
  }
}
