import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  HoldReportMeetingCommand,
  IdParam,
  ListReportMeetingsQuery,
  RecordMeetingMinutesCommand,
  RPC,
  ScheduleReportMeetingCommand,
  SubmitMeetingMaterialsCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { ReportMeetingService } from './report-meeting.service';

/** NATS entry points of 報告会 (report meetings). */
@Controller()
export class ReportMeetingHandler {
  constructor(private readonly meetings: ReportMeetingService) {}

  @MessagePattern(RPC.programme.reportMeetingSchedule)
  schedule(@Payload() raw: unknown) {
    return handleRpc(raw, ScheduleReportMeetingCommand, (ctx, cmd) => this.meetings.schedule(ctx, cmd));
  }

  @MessagePattern(RPC.programme.reportMeetingList)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListReportMeetingsQuery, (ctx, q) => this.meetings.list(ctx, q));
  }

  @MessagePattern(RPC.programme.reportMeetingGet)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.meetings.get(ctx, q.id));
  }

  @MessagePattern(RPC.programme.reportMeetingSubmitMaterials)
  submitMaterials(@Payload() raw: unknown) {
    return handleRpc(raw, SubmitMeetingMaterialsCommand, (ctx, cmd) => this.meetings.submitMaterials(ctx, cmd));
  }

  @MessagePattern(RPC.programme.reportMeetingHold)
  hold(@Payload() raw: unknown) {
    return handleRpc(raw, HoldReportMeetingCommand, (ctx, cmd) => this.meetings.hold(ctx, cmd));
  }

  @MessagePattern(RPC.programme.reportMeetingRecordMinutes)
  recordMinutes(@Payload() raw: unknown) {
    return handleRpc(raw, RecordMeetingMinutesCommand, (ctx, cmd) => this.meetings.recordMinutes(ctx, cmd));
  }

  @MessagePattern(RPC.programme.reportMeetingConfirmMinutes)
  confirmMinutes(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.meetings.confirmMinutes(ctx, q.id));
  }

  @MessagePattern(RPC.programme.reportMeetingRequestDeliverables)
  requestDeliverables(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.meetings.requestDeliverables(ctx, q.id));
  }
}
