import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IdParam,
  ListMonthlyReportsQuery,
  PARTNERSHIP_RPC,
  ReturnMonthlyReportCommand,
  UpdateMonthlyReportCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { MonthlyReportService } from './monthly-report.service';

/** NATS entry points of 月次報告 (monthly reports). */
@Controller()
export class MonthlyReportHandler {
  constructor(private readonly reports: MonthlyReportService) {}

  @MessagePattern(PARTNERSHIP_RPC.monthlyReport.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListMonthlyReportsQuery, (ctx, q) => this.reports.list(ctx, q));
  }

  @MessagePattern(PARTNERSHIP_RPC.monthlyReport.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.get(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.monthlyReport.update)
  update(@Payload() raw: unknown) {
    return handleRpc(raw, UpdateMonthlyReportCommand, (ctx, cmd) => this.reports.update(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.monthlyReport.submit)
  submit(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.submit(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.monthlyReport.acknowledge)
  acknowledge(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.acknowledge(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.monthlyReport.return)
  giveBack(@Payload() raw: unknown) {
    return handleRpc(raw, ReturnMonthlyReportCommand, (ctx, cmd) => this.reports.return(ctx, cmd));
  }
}
