import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ListMonitoringReportsQuery,
  MonitoringReportPage,
  MonitoringReportView,
  MRV_RPC,
  RequestContext,
  VerifyMonitoringReportCommand,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';

/**
 * /api/v1/mrv: monitoring reports, fronting mrv-service. A TPE's verification publishes
 * `mrv.monitoring-report.verified`, from which the registry prepares a pending issuance for MOE to confirm.
 */
@Controller('mrv')
export class MrvController {
  constructor(private readonly bus: ServiceBus) {}

  /** TPE only; honours `Idempotency-Key`. */
  @Post('monitoring-reports/verifications')
  verify(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<MonitoringReportView> {
    return this.bus.send(MRV_RPC.monitoringReport.verify, ctx, parseInput(VerifyMonitoringReportCommand, body), MonitoringReportView);
  }

  @Get('monitoring-reports')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<MonitoringReportPage> {
    return this.bus.send(
      MRV_RPC.monitoringReport.list,
      ctx,
      parseInput(ListMonitoringReportsQuery, query, 'query'),
      MonitoringReportPage,
    );
  }
}
