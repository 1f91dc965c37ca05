import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListMonitoringReportsQuery, MRV_RPC, VerifyMonitoringReportCommand } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { MonitoringReportService } from './monitoring-report.service';

/** NATS entry point of monitoring reports (モニタリング報告書). */
@Controller()
export class MonitoringReportHandler {
  constructor(private readonly reports: MonitoringReportService) {}

  /** A TPE records its verification; `mrv.monitoring-report.verified` follows through the outbox. */
  @MessagePattern(MRV_RPC.monitoringReport.verify)
  verify(@Payload() raw: unknown) {
    return handleRpc(raw, VerifyMonitoringReportCommand, (ctx, cmd) => this.reports.verify(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.monitoringReport.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListMonitoringReportsQuery, (ctx, q) => this.reports.list(ctx, q));
  }
}
