import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AssignTpeCommand,
  CreateMonitoringReportCommand,
  GetByIdQuery,
  ListMonitoringReportsQuery,
  MonitoringReportIdCommand,
  MRV_RPC,
  RecordVerifiedMonitoringReportCommand,
  UpdateMonitoringReportCommand,
  VerifyMonitoringReportCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { MonitoringReportService } from './monitoring-report.service';
import { RecordedVerificationService } from './recorded-verification.service';

const RPC = MRV_RPC.monitoringReport;

/** NATS entry points of monitoring reports (モニタリング報告書). */
@Controller()
export class MonitoringReportHandler {
  constructor(
    private readonly reports: MonitoringReportService,
    private readonly recorded: RecordedVerificationService,
  ) {}

  @MessagePattern(RPC.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateMonitoringReportCommand, (ctx, cmd) => this.reports.create(ctx, cmd));
  }

  @MessagePattern(RPC.update)
  update(@Payload() raw: unknown) {
    return handleRpc(raw, UpdateMonitoringReportCommand, (ctx, cmd) => this.reports.update(ctx, cmd));
  }

  @MessagePattern(RPC.submit)
  submit(@Payload() raw: unknown) {
    return handleRpc(raw, MonitoringReportIdCommand, (ctx, cmd) => this.reports.submit(ctx, cmd));
  }

  @MessagePattern(RPC.assignVerifier)
  assignVerifier(@Payload() raw: unknown) {
    return handleRpc(raw, AssignTpeCommand, (ctx, cmd) => this.reports.assignVerifier(ctx, cmd));
  }

  @MessagePattern(RPC.verify)
  verify(@Payload() raw: unknown) {
    return handleRpc(raw, VerifyMonitoringReportCommand, (ctx, cmd) => this.reports.verify(ctx, cmd));
  }

  @MessagePattern(RPC.rerun)
  rerun(@Payload() raw: unknown) {
    return handleRpc(raw, GetByIdQuery, (ctx, q) => this.reports.rerun(ctx, q));
  }

  @MessagePattern(RPC.trace)
  trace(@Payload() raw: unknown) {
    return handleRpc(raw, GetByIdQuery, (ctx, q) => this.reports.trace(ctx, q));
  }

  @MessagePattern(RPC.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, GetByIdQuery, (ctx, q) => this.reports.get(ctx, q));
  }

  @MessagePattern(RPC.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListMonitoringReportsQuery, (ctx, q) => this.reports.list(ctx, q));
  }

  @MessagePattern(RPC.recordVerified)
  recordVerified(@Payload() raw: unknown) {
    return handleRpc(raw, RecordVerifiedMonitoringReportCommand, (ctx, cmd) =>
      this.recorded.record(ctx, cmd),
    );
  }
}
