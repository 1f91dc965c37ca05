import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdParam, ListMonthlyReportsQuery, ReturnMonthlyReportCommand, RPC, UpdateMonthlyReportCommand } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { MonthlyReportService } from './monthly-report.service';

/** NATS entry points of 月次報告 (monthly reports). */
@Controller()
export class MonthlyReportHandler {
  constructor(private readonly reports: MonthlyReportService) {}

  @MessagePattern(RPC.programme.monthlyReportList)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListMonthlyReportsQuery, (ctx, q) => this.reports.list(ctx, q));
  }

  @MessagePattern(RPC.programme.monthlyReportGet)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.get(ctx, q.id));
  }

  @MessagePattern(RPC.programme.monthlyReportUpdate)
  update(@Payload() raw: unknown) {
    return handleRpc(raw, UpdateMonthlyReportCommand, (ctx, cmd) => this.reports.update(ctx, cmd));
  }

  @MessagePattern(RPC.programme.monthlyReportSubmit)
  submit(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.submit(ctx, q.id));
  }

  @MessagePattern(RPC.programme.monthlyReportAcknowledge)
  acknowledge(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.reports.acknowledge(ctx, q.id));
  }

  @MessagePattern(RPC.programme.monthlyReportReturn)
  giveBack(@Payload() raw: unknown) {
    return handleRpc(raw, ReturnMonthlyReportCommand, (ctx, cmd) => this.reports.return(ctx, cmd));
  }
}
